import type { CctMode } from './cct-mode.js';

/** Running counts of a `CctResolver`, for logs, metrics and health. */
export interface CctResolverStats {
  readonly mode: CctMode;
  /** Distinct codes asked for, summed over `resolve` calls. */
  readonly lookups: number;
  /** Lookups that found a CMS id. */
  readonly hits: number;
  /** Lookups that found none (unknown or malformed code). */
  readonly misses: number;
  /** `hits / lookups`, 0 before any lookup. */
  readonly hitRate: number;
  /** Lookups answered from the cache or a request already in flight. */
  readonly cacheHits: number;
  /** Requests sent to the CMS. */
  readonly cmsRequests: number;
  /**
   * Requests not sent thanks to the index or cache: per `resolve` call,
   * the batches that fetching every well-formed code would need minus
   * those actually sent.
   */
  readonly cmsRequestsSaved: number;
  /** Codes held in memory (index entries or cached answers). */
  readonly entries: number;
  /** Memory those entries take, measured or estimated. */
  readonly bytes: number;
}

/** Turns CCT codes into CMS ids, one chunk of rows at a time. */
export interface CctResolver {
  readonly mode: CctMode;
  /**
   * Resolves distinct well-formed codes (normalised with `normaliseCct`);
   * unknown codes map to null. The map is keyed by the codes as given;
   * malformed codes map to null and are never sent to the CMS.
   */
  resolve(codes: readonly string[]): Promise<Map<string, number | null>>;
  stats(): CctResolverStats;
}

/** Batch size for CMS look-ups, unless configured otherwise. */
export const DEFAULT_CCT_BATCH_SIZE = 100;
