import {
  naturalKey,
  type CollectionName,
  type Fields,
} from '@apilados/domain';
import type { EnsureOutcome, RecordStore } from '@apilados/record-store';

/** A row that needs a draft, and the column that asked for it. */
interface Need {
  readonly row: number;
  readonly column: string | null;
}

/** Why a row could not be written. */
export interface WriteFailure {
  readonly column: string | null;
  readonly reason: string;
}

/**
 * The distinct entries a batch needs in one collection, each with the
 * rows that need it, so that one entry is asked for once however many
 * rows share it.
 */
export class DraftSet {
  private readonly drafts = new Map<string, { fields: Fields; needs: Need[] }>();

  constructor(readonly collection: CollectionName) {}

  /** Adds a row's need for the entry `fields`; returns its natural key. */
  add(fields: Fields, row: number, column: string | null = null): string {
    const key = naturalKey(this.collection, fields);
    const draft = this.drafts.get(key);
    if (draft) draft.needs.push({ row, column });
    else this.drafts.set(key, { fields, needs: [{ row, column }] });
    return key;
  }

  get size(): number {
    return this.drafts.size;
  }

  /**
   * Finds or creates every draft. Returns the id of each natural key that
   * was written; records each failed draft against the rows that need it.
   */
  async ensure(
    store: RecordStore,
    failures: Map<number, WriteFailure>,
    created: Record<CollectionName, number>,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (this.drafts.size === 0) return ids;

    const entries = [...this.drafts];
    const outcomes: EnsureOutcome[] = await store.ensure(
      this.collection,
      entries.map(([, d]) => d.fields),
    );
    outcomes.forEach((outcome, i) => {
      const [key, draft] = entries[i]!;
      if (outcome.ok) {
        ids.set(key, outcome.id);
        if (outcome.created) created[this.collection]++;
        return;
      }
      // Stores name the collection in their reasons; say it once.
      const own = `${this.collection}: `;
      const why = outcome.reason.startsWith(own)
        ? outcome.reason.slice(own.length)
        : outcome.reason;
      for (const need of draft.needs) {
        if (failures.has(need.row)) continue;
        failures.set(need.row, {
          column: need.column,
          reason: `could not write ${this.collection}: ${why}`,
        });
      }
    });
    return ids;
  }
}
