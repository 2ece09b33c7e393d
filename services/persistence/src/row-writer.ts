import {
  SURVEY_KEYS,
  emptyCounts,
  type CollectionName,
} from '@apilados/domain';
import type { RecordStore } from '@apilados/record-store';
import type { WriteFailure } from './draft-set.js';
import { writeBatch, type PlannedWrite } from './write-batch.js';

/** What writing a chunk's planned rows did. */
export interface WriteOutcome {
  readonly created: Record<CollectionName, number>;
  /** Rows that could not be fully written, by row number. */
  readonly failures: ReadonlyMap<number, WriteFailure>;
  /** Requests the store made for it (0 for the embedded store). */
  readonly requests: number;
}

/** Writes planned rows get-or-create; on this thread or another. */
export interface RowWriter {
  write(planned: readonly PlannedWrite[]): Promise<WriteOutcome>;
}

/**
 * A writer that writes to `store` on this thread, `batchSize` rows at a
 * time (one store round per collection per batch).
 *
 * @example const writer = storeWriter(store, settings.batchSize);
 */
export function storeWriter(store: RecordStore, batchSize: number): RowWriter {
  let surveyIds: Promise<Map<string, number>> | undefined;

  async function write(planned: readonly PlannedWrite[]): Promise<WriteOutcome> {
    const requestsBefore = store.stats().requests;
    const surveys = await (surveyIds ??= loadSurveyIds(store));
    const created = emptyCounts();
    const failures = new Map<number, WriteFailure>();
    for (let i = 0; i < planned.length; i += batchSize) {
      const result = await writeBatch(store, planned.slice(i, i + batchSize), surveys);
      for (const [name, n] of Object.entries(result.created)) {
        created[name as CollectionName] += n;
      }
      for (const [row, failure] of result.failures) failures.set(row, failure);
    }
    return { created, failures, requests: store.stats().requests - requestsBefore };
  }

  return { write };
}

async function loadSurveyIds(store: RecordStore): Promise<Map<string, number>> {
  const entries = await store.findBy('encuestas', 'clave', [...SURVEY_KEYS]);
  return new Map(entries.map((e) => [String(e.fields.clave), e.id]));
}
