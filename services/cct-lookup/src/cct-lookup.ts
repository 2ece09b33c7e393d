import type { Logger } from '@aws-lambda-powertools/logger';
import { checkCct, normaliseCct, type CctResolver } from '@apilados/cct-catalogue';
import { isNotAvailable, type RowIssue } from '@apilados/domain';
import {
  ChunkEnriched,
  createEvent,
  keys,
  type ChunkPayload,
  type ChunkReady,
  type DetailOf,
  type LookupPayload,
} from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import type { ObjectStore } from '@apilados/object-store';

/** What the CCT lookup service needs. */
export interface CctLookupDeps {
  readonly objects: ObjectStore;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** Resolves codes to catalogue ids; none when no catalogue is known. */
  readonly resolver: () => Promise<CctResolver | undefined>;
}

/**
 * The CCT lookup service: links each row's school code to the CCT
 * catalogue. A malformed or unknown code is a warning on that row, and
 * the row goes on without the link.
 */
export function createCctLookup(deps: CctLookupDeps) {
  const { objects, bus, logger } = deps;

  async function onChunkReady(detail: DetailOf<typeof ChunkReady>): Promise<void> {
    const { fileId, chunk } = detail;
    const payload = await objects.getJson<ChunkPayload>(detail.rowsKey);
    const resolver = await deps.resolver();
    const column = payload.columns.indexOf('cct');

    const issues: RowIssue[] = [];
    const codeOfRow = new Map<number, { code: string; cells: readonly string[] }>();
    let malformed = 0;
    for (const record of payload.records) {
      const raw = column >= 0 ? record.cells[column] : undefined;
      if (record.fieldCount || isNotAvailable(raw)) continue;
      const code = normaliseCct(raw!);
      const problem = checkCct(code);
      if (problem) {
        malformed++;
        issues.push(warning(record.row, record.cells, payload.columns, raw!,
          `CCT '${raw!.trim()}' is malformed (${problem}); the school link is left empty`));
      } else {
        codeOfRow.set(record.row, { code, cells: record.cells });
      }
    }

    const ids = resolver
      ? await resolver.resolve([...new Set([...codeOfRow.values()].map((c) => c.code))])
      : new Map<string, number | null>();
    const cctIds: Record<number, number> = {};
    let unknown = 0;
    for (const [row, { code, cells }] of codeOfRow) {
      const id = ids.get(code);
      if (typeof id === 'number') cctIds[row] = id;
      else if (resolver) {
        unknown++;
        issues.push(warning(row, cells, payload.columns, code,
          `CCT '${code}' is not in the catalogue; the school link is left empty`));
      }
    }
    issues.sort((a, b) => a.row - b.row);

    const lookup: LookupPayload = { fileId, chunk, cctIds, issues };
    const lookupKey = keys.lookup(fileId, chunk);
    await objects.putJson(lookupKey, lookup);
    const resolved = Object.keys(cctIds).length;
    await bus.publish(
      createEvent(ChunkEnriched, {
        fileId,
        chunk,
        rowsKey: detail.rowsKey,
        lookupKey,
        rowCount: detail.rowCount,
        dryRun: detail.dryRun,
        cct: { mode: resolver?.mode ?? 'none', resolved, unknown, malformed },
      }),
    );
    logger.info('chunk enriched', {
      fileId,
      chunk,
      resolved,
      unknown,
      malformed,
      catalogue: resolver ? catalogueStats(resolver) : { mode: 'none' },
    });
  }

  return { onChunkReady };
}

function warning(
  row: number,
  cells: readonly string[],
  columns: readonly string[],
  value: string,
  reason: string,
): RowIssue {
  const idColumn = columns.indexOf('id');
  return {
    row,
    participantId: cells[idColumn]?.trim() || null,
    column: 'cct',
    value,
    severity: 'warning',
    reason,
  };
}

/** The resolver's running figures, for logs: mode, hit rate, requests. */
function catalogueStats(resolver: CctResolver) {
  const s = resolver.stats();
  return {
    mode: s.mode,
    entries: s.entries,
    bytes: s.bytes,
    hitRate: Math.round(s.hitRate * 1000) / 1000,
    cmsRequests: s.cmsRequests,
    cmsRequestsSaved: s.cmsRequestsSaved,
  };
}

/** The CCT lookup service's operations. */
export type CctLookup = ReturnType<typeof createCctLookup>;
