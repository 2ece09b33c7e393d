import { MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  ChunkEnriched,
  ChunkPersisted,
  ChunkReady,
  FileAccepted,
  FileCompleted,
  FileRejected,
  isEvent,
  type DetailOf,
  type DomainEvent,
} from '@apilados/events';

/** A unit CloudWatch accepts. */
export type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/** One value to record as a metric. */
export interface MetricPoint {
  readonly name: string;
  readonly unit: Unit;
  readonly value: number;
}

/**
 * The metrics a published event stands for: rows loaded and failed, chunk
 * duration and CMS requests per persisted chunk, CCT outcomes per
 * enriched chunk, and files accepted, rejected and completed.
 */
export function metricsOf(event: DomainEvent): MetricPoint[] {
  const count = (name: string, value: number) => ({ name, unit: MetricUnit.Count, value });
  if (isEvent(FileAccepted, event)) return [count('FilesAccepted', 1)];
  if (isEvent(FileRejected, event)) return [count('FilesRejected', 1)];
  if (isEvent(ChunkReady, event)) {
    const d = event.detail as DetailOf<typeof ChunkReady>;
    return [count('ChunksReady', 1), count('RowsRead', d.rowCount)];
  }
  if (isEvent(ChunkEnriched, event)) {
    const { cct } = event.detail as DetailOf<typeof ChunkEnriched>;
    return [
      count('CctResolved', cct.resolved),
      count('CctUnknown', cct.unknown),
      count('CctMalformed', cct.malformed),
    ];
  }
  if (isEvent(ChunkPersisted, event)) {
    const d = event.detail as DetailOf<typeof ChunkPersisted>;
    return [
      count('RowsLoaded', d.rows.loaded),
      count('RowsFailed', d.rows.failed),
      count('RowsWithWarnings', d.rows.warnings),
      { name: 'ChunkDuration', unit: MetricUnit.Milliseconds, value: d.durationMs },
      count('CmsRequests', d.storeRequests),
    ];
  }
  if (isEvent(FileCompleted, event)) {
    const d = event.detail as DetailOf<typeof FileCompleted>;
    return [count('FilesCompleted', 1), count('FileProblems', d.problems)];
  }
  return [];
}
