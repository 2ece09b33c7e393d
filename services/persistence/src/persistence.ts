import type { Logger } from '@aws-lambda-powertools/logger';
import {
  emptyCounts,
  layoutColumns,
  planRow,
  type CollectionName,
  type RowIssue,
  type RowPlan,
} from '@apilados/domain';
import {
  ChunkPersisted,
  createEvent,
  keys,
  type ChunkEnriched,
  type ChunkPayload,
  type ChunkRecord,
  type DetailOf,
  type LookupPayload,
  type OutcomePayload,
} from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import type { ObjectStore } from '@apilados/object-store';
import type { RowWriter } from './row-writer.js';
import type { PlannedWrite } from './write-batch.js';

/** What the persistence service needs. */
export interface PersistenceDeps {
  readonly objects: ObjectStore;
  readonly bus: EventBus;
  /** Writes the planned rows: `storeWriter(store, batchSize)` or a thread's. */
  readonly writer: RowWriter;
  readonly logger: Logger;
}

/**
 * The persistence service: maps each row of an enriched chunk to the CMS
 * entries it implies, writes them get-or-create by natural key, and
 * stores every row's outcome for the file's report.
 */
export function createPersistence(deps: PersistenceDeps) {
  const { objects, bus, writer, logger } = deps;

  async function onChunkEnriched(detail: DetailOf<typeof ChunkEnriched>): Promise<void> {
    const started = Date.now();
    const { fileId, chunk } = detail;
    const [payload, lookup] = await Promise.all([
      objects.getJson<ChunkPayload>(detail.rowsKey),
      objects.getJson<LookupPayload>(detail.lookupKey),
    ]);

    const issues: RowIssue[] = [...lookup.issues];
    const failed = new Set<number>();
    const planned = planChunk(payload, lookup, issues, failed);
    const { created, requests } = detail.dryRun
      ? { created: emptyCounts(), requests: 0 }
      : await write(planned, issues, failed);

    const warned = new Set(issues.filter((i) => i.severity === 'warning').map((i) => i.row));
    const read = payload.records.length;
    const rows = {
      read,
      loaded: read - failed.size,
      failed: failed.size,
      warnings: [...warned].filter((row) => !failed.has(row)).length,
    };
    issues.sort((a, b) => a.row - b.row);
    const outcome: OutcomePayload = { fileId, chunk, rows, created, issues };
    const outcomesKey = keys.outcomes(fileId, chunk);
    await objects.putJson(outcomesKey, outcome);

    const durationMs = Date.now() - started;
    await bus.publish(
      createEvent(ChunkPersisted, {
        fileId, chunk, outcomesKey, rows, created, storeRequests: requests, durationMs,
      }),
    );
    logger.info('chunk persisted', {
      fileId, chunk, rows, durationMs, storeRequests: requests,
    });
  }

  function planChunk(
    payload: ChunkPayload,
    lookup: LookupPayload,
    issues: RowIssue[],
    failed: Set<number>,
  ): PlannedWrite[] {
    const layout = layoutColumns(payload.columns.filter((c) => c !== ''));
    const planned: PlannedWrite[] = [];
    const firstRowOf = new Map<string, number>();
    for (const record of payload.records) {
      if (record.fieldCount) {
        failed.add(record.row);
        issues.push(fieldCountIssue(record, payload.columns));
        continue;
      }
      const result = planRow(record.row, rawRow(payload.columns, record), layout);
      issues.push(...result.issues);
      if (!result.plan) {
        failed.add(record.row);
        continue;
      }
      const repeated = repeatOf(result.plan, firstRowOf);
      if (repeated) issues.push(repeated);
      planned.push({ plan: result.plan, cctId: lookup.cctIds[record.row] ?? null });
    }
    return planned;
  }

  async function write(
    planned: PlannedWrite[],
    issues: RowIssue[],
    failed: Set<number>,
  ): Promise<{ created: Record<CollectionName, number>; requests: number }> {
    const { created, failures, requests } = await writer.write(planned);
    for (const { plan } of planned) {
      const failure = failures.get(plan.row);
      if (!failure) continue;
      failed.add(plan.row);
      issues.push({
        row: plan.row,
        participantId: plan.participantId,
        column: failure.column,
        value: null,
        severity: 'error',
        reason: failure.reason,
      });
    }
    return { created, requests };
  }

  return { onChunkEnriched };
}

/**
 * A warning when a row repeats an earlier row's participation (same person,
 * same implementation): entries are found, not updated, so only the first
 * row's values are kept.
 */
function repeatOf(plan: RowPlan, firstRowOf: Map<string, number>): RowIssue | undefined {
  const { nombre, ciclo_escolar, periodo } = plan.implementacion;
  const key = JSON.stringify([plan.participantId, nombre, ciclo_escolar, periodo]);
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, plan.row);
    return undefined;
  }
  return {
    row: plan.row,
    participantId: plan.participantId,
    column: null,
    value: null,
    severity: 'warning',
    reason: `repeats the participation of row ${first} (same person, same ` +
      'implementation); values that differ from that row were not loaded',
  };
}

function rawRow(columns: readonly string[], record: ChunkRecord): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (column !== '') raw[column] = record.cells[i] ?? '';
  }
  return raw;
}

function fieldCountIssue(record: ChunkRecord, columns: readonly string[]): RowIssue {
  const { expected, found } = record.fieldCount!;
  const id = record.cells[columns.indexOf('id')]?.trim() || null;
  return {
    row: record.row,
    participantId: id,
    column: null,
    value: null,
    severity: 'error',
    reason: `row has ${found} fields but the header has ${expected}; ` +
      'check for an unquoted separator or a missing cell',
  };
}

/** The persistence service's operations. */
export type Persistence = ReturnType<typeof createPersistence>;

