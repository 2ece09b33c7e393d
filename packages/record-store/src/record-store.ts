import type { CollectionName, FieldValue, Fields } from '@apilados/domain';

/** An entry as stored, with its numeric id. */
export interface StoredEntry {
  readonly id: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** What became of one draft handed to `ensure`. */
export type EnsureOutcome =
  | { readonly ok: true; readonly id: number; readonly created: boolean }
  | { readonly ok: false; readonly reason: string };

/** Requests a store made, for the summary and metrics. */
export interface StoreStats {
  /** Round trips to the store (HTTP requests for a CMS, 0 for SQLite). */
  readonly requests: number;
}

/**
 * Where the CMS records live. Every write is get-or-create by the
 * collection's natural key, so loading the same data twice creates
 * nothing the second time.
 */
export interface RecordStore {
  /** A name for logs and health checks, without secrets. */
  readonly description: string;
  /**
   * Finds each draft's entry by natural key, creating the missing ones.
   * Outcomes come in the drafts' order; one failed draft does not stop
   * the others. Drafts with the same key get the same entry.
   */
  ensure(
    collection: CollectionName,
    drafts: readonly Fields[],
  ): Promise<EnsureOutcome[]>;
  /** Entries whose `field` equals one of `values`. */
  findBy(
    collection: CollectionName,
    field: string,
    values: readonly (string | number)[],
  ): Promise<StoredEntry[]>;
  /** Every entry of a collection; meant for checks and small stores. */
  list(collection: CollectionName): Promise<StoredEntry[]>;
  /** Resolves when the store answers; throws `StoreUnavailableError`. */
  ping(): Promise<void>;
  stats(): StoreStats;
  close(): Promise<void>;
}
