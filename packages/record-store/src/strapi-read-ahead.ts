import type { CollectionName } from '@apilados/domain';
import type { StoredEntry } from './record-store.js';

/** Share of a lookup's drafts found existing that turns reading ahead on. */
export const READ_AHEAD_FOUND_SHARE = 0.9;

/** Fewest close ids worth a range instead of a `$in` list. */
export const READ_AHEAD_MIN_IDS = 8;

/** Share of a page a read-ahead range is sized to fill. */
const PAGE_SHARE = 0.8;

/** Single ids kept per collection before expired ones are swept. */
const SWEEP_AT = 10_000;

/** How one lookup on a link field asks for its ids. */
export interface LookupPlan {
  /** Ids `lo..hi` asked as one range, reaching past the ids wanted. */
  readonly range?: readonly [lo: number, hi: number];
  /** Ids asked by value, in `$in` lists. */
  readonly ids: number[];
}

/** How a lookup went, to size the next one. */
export interface LookupResult {
  /** Drafts the lookup was for. */
  readonly drafts: number;
  /** Of them, those found existing. */
  readonly found: number;
  /** Entries the answers held. */
  readonly entries: number;
  /** Distinct lookup ids among those entries. */
  readonly linked: number;
}

/** An entry with the id it links to on the lookup field. */
export interface LinkedEntry {
  readonly link: number;
  readonly entry: StoredEntry;
}

interface Made {
  readonly seq: number;
  readonly until: number;
  readonly linked: LinkedEntry;
}

interface Covered {
  readonly lo: number;
  readonly hi: number;
  readonly until: number;
  /** Every entry of the range with all its fields, when kept. */
  readonly entries?: LinkedEntry[];
}

/**
 * Reading ahead for lookups on a link field (e.g. records by
 * `participacion`), as a file loaded again asks for them: batch after
 * batch, ids in rising runs, nearly all found. Once a lookup of a
 * collection found nearly all its drafts, the next one asks for the run
 * of close ids it wants as a range that reaches on to about a page of
 * entries, so the following batches' entries are already known and their
 * lookups need no request. Ids far below the run are asked by value.
 *
 * A range answered is trusted for `ttlMs`, like a `findBy` listing: an
 * entry another process creates in that time is not seen. A range listed
 * with all fields keeps its entries, so that a `findBy` inside it is
 * answered from memory; entries this store creates meanwhile are added.
 *
 * @example
 * const ahead = new ReadAhead(1000, 5000);
 * ahead.plan('participaciones', [3, 4, 5]); // { ids: [3, 4, 5] }
 */
export class ReadAhead {
  private readonly last = new Map<CollectionName, LookupResult>();
  private readonly covered = new Map<CollectionName, Covered[]>();
  /** Single ids listed with their entries, by collection and id. */
  private readonly single = new Map<CollectionName, Map<number, Covered>>();
  /** Entries created lately, numbered, for listings answered meanwhile. */
  private readonly made = new Map<CollectionName, Made[]>();
  private count = 0;

  constructor(
    private readonly pageSize: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** What to ask for `ids`, given how this collection's last lookup went. */
  plan(collection: CollectionName, ids: readonly number[]): LookupPlan {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const last = this.last.get(collection);
    if (!last || last.drafts === 0 ||
      last.found < READ_AHEAD_FOUND_SHARE * last.drafts) {
      return { ids: sorted };
    }
    const start = denseTailStart(sorted);
    if (sorted.length - start < READ_AHEAD_MIN_IDS) return { ids: sorted };

    const lo = sorted[start]!;
    const top = sorted.at(-1)!;
    const perId = last.linked > 0 ? Math.max(1, last.entries / last.linked) : 1;
    const span = Math.max(1, Math.floor((PAGE_SHARE * this.pageSize) / perId));
    return {
      range: [lo, Math.max(top, lo + span - 1)],
      ids: sorted.slice(0, start),
    };
  }

  /** Notes how a lookup went, for the next `plan`. */
  learn(collection: CollectionName, result: LookupResult): void {
    this.last.set(collection, result);
  }

  /** A mark to hand to `listed` for a listing about to be asked. */
  mark(): number {
    return this.count;
  }

  /**
   * Notes that every entry linked to ids `lo..hi` was just listed; with
   * `entries` (all fields), keeps them for `held`, together with those
   * this store created since `since` (a `mark` taken before asking).
   */
  listed(
    collection: CollectionName,
    lo: number,
    hi: number,
    entries?: readonly LinkedEntry[],
    since = this.count,
  ): void {
    const now = this.now();
    const range: Covered = { lo, hi, until: now + this.ttlMs };
    let kept: Covered = range;
    if (entries) {
      const all = [...entries];
      for (const { seq, linked } of this.made.get(collection) ?? []) {
        if (seq < since || linked.link < lo || linked.link > hi) continue;
        if (!all.some((e) => e.entry.id === linked.entry.id)) all.push(linked);
      }
      kept = { ...range, entries: all };
    }
    if (lo === hi && entries) {
      const ids = this.single.get(collection) ?? new Map<number, Covered>();
      if (ids.size >= SWEEP_AT) {
        for (const [id, c] of ids) if (c.until <= now) ids.delete(id);
      }
      ids.set(lo, kept);
      this.single.set(collection, ids);
      return;
    }
    const live = (this.covered.get(collection) ?? [])
      .filter((c) => c.until > now);
    live.push(kept);
    this.covered.set(collection, live);
  }

  /**
   * The kept entries linked to `ids`, when live ranges kept with their
   * entries cover every one of them; undefined otherwise.
   */
  held(
    collection: CollectionName,
    ids: readonly number[],
  ): StoredEntry[] | undefined {
    const wanted = new Set(ids);
    const ranges = new Set<Covered>();
    for (const id of wanted) {
      const range = this.find(collection, id, true);
      if (!range) return undefined;
      ranges.add(range);
    }
    const seen = new Set<number>();
    const found: StoredEntry[] = [];
    for (const range of ranges) {
      for (const { link, entry } of range.entries!) {
        if (!wanted.has(link) || seen.has(entry.id)) continue;
        seen.add(entry.id);
        found.push(entry);
      }
    }
    return found.sort((a, b) => a.id - b.id);
  }

  /** Adds an entry this store created to the kept ranges that cover it. */
  add(collection: CollectionName, linked: LinkedEntry): void {
    const now = this.now();
    const made = this.made.get(collection) ?? [];
    while (made.length > 0 && made[0]!.until <= now) made.shift();
    made.push({ seq: this.count++, until: now + this.ttlMs, linked });
    this.made.set(collection, made);
    const single = this.single.get(collection)?.get(linked.link);
    const ranges = [...(this.covered.get(collection) ?? [])];
    if (single) ranges.push(single);
    for (const range of ranges) {
      if (range.until <= now || !range.entries) continue;
      if (range.lo > linked.link || linked.link > range.hi) continue;
      if (range.entries.some((e) => e.entry.id === linked.entry.id)) continue;
      range.entries.push(linked);
    }
  }

  /** A live listing that covers `id`, one that kept its entries if `kept`. */
  private find(collection: CollectionName, id: number, kept: boolean) {
    const now = this.now();
    const live = (c: Covered | undefined) =>
      c !== undefined && c.until > now && (!kept || c.entries !== undefined);
    const single = this.single.get(collection)?.get(id);
    if (live(single)) return single;
    return (this.covered.get(collection) ?? [])
      .find((c) => live(c) && c.lo <= id && id <= c.hi);
  }

  /** Whether a range listed moments ago holds `id`'s entries. */
  has(collection: CollectionName, id: number): boolean {
    return this.find(collection, id, false) !== undefined;
  }

  /**
   * Drops the entries kept for a collection, e.g. once another writer is
   * seen to have created one of its entries since they were listed.
   */
  forget(collection: CollectionName): void {
    this.covered.delete(collection);
    this.single.delete(collection);
    this.made.delete(collection);
  }

  /** Forgets every lookup and range. */
  clear(): void {
    this.last.clear();
    this.covered.clear();
    this.single.clear();
    this.made.clear();
  }
}

/**
 * Index of the first id of the longest run at the top of `sorted` whose
 * span is at most twice its count plus 16, so that a range over it asks
 * for few ids beyond the wanted ones.
 */
function denseTailStart(sorted: readonly number[]): number {
  const top = sorted.at(-1);
  if (top === undefined) return 0;
  let start = sorted.length - 1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const count = sorted.length - i;
    if (top - sorted[i]! + 1 <= 2 * count + 16) start = i;
  }
  return start;
}
