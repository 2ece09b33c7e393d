import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { normaliseCct } from './cct-code.js';
import { cctToKey } from './cct-key.js';
import { DEFAULT_CCT_BATCH_SIZE } from './cct-resolver.js';
import type { CctResolver, CctResolverStats } from './cct-resolver.js';

/**
 * Looks up CMS ids of CCT claves; the answer omits claves the CMS does not
 * know. Typically one `ccts` query filtered with `clave $in [...]`.
 */
export type FetchCctIds =
  (claves: string[]) => Promise<Map<string, number>>;

/** Options of `OnDemandCctResolver`. */
export interface OnDemandCctResolverOptions {
  fetchIds: FetchCctIds;
  /** Most claves per `fetchIds` call; 100 by default. */
  batchSize?: number;
  /** Most answers cached, known and unknown codes alike; 50,000 by default. */
  cacheEntries?: number;
  /** Most `fetchIds` calls in flight at once; 1 by default. */
  concurrency?: number;
}

/** Cached entries kept unless configured otherwise. */
export const DEFAULT_CCT_CACHE_ENTRIES = 50_000;

/**
 * Approximate heap bytes per cached answer (the key string, the cache's map
 * slot and its list slots, which it allocates up front), used for
 * `stats().bytes`. Measured at about 90 bytes for a full cache of
 * ten-character codes on Node 20, rounded up; an estimate, not a reading.
 */
export const APPROX_CACHE_ENTRY_BYTES = 100;

/** Cached value meaning "the CMS has no such clave" (ids are positive). */
const UNKNOWN = -1;

type Answers = Map<string, number | null>;

/**
 * Resolves CCT codes against the CMS in batches, behind a bounded LRU cache
 * that remembers unknown codes too, so that each code costs at most one
 * request while it stays cached. Codes already being fetched by another
 * `resolve` call are awaited instead of asked again.
 */
export class OnDemandCctResolver implements CctResolver {
  readonly mode = 'on-demand';
  readonly #fetchIds: FetchCctIds;
  readonly #batchSize: number;
  readonly #cache: LRUCache<string, number>;
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #inFlight = new Map<string, Promise<Answers>>();
  #lookups = 0;
  #hits = 0;
  #cacheHits = 0;
  #requests = 0;
  #saved = 0;

  constructor(options: OnDemandCctResolverOptions) {
    this.#fetchIds = options.fetchIds;
    this.#batchSize = positive('batchSize',
      options.batchSize ?? DEFAULT_CCT_BATCH_SIZE);
    this.#cache = new LRUCache<string, number>({
      max: positive('cacheEntries',
        options.cacheEntries ?? DEFAULT_CCT_CACHE_ENTRIES),
    });
    this.#limit = pLimit(positive('concurrency', options.concurrency ?? 1));
  }

  /**
   * See `CctResolver.resolve`. Rejects with the error of `fetchIds` when a
   * request fails; nothing is cached for the codes of that request.
   */
  async resolve(codes: readonly string[]): Promise<Answers> {
    const claveOf = new Map<string, string | undefined>();
    const known = new Map<string, number | null>();
    const waits = new Map<string, Promise<Answers>>();
    const toFetch = new Set<string>();
    for (const code of codes) {
      if (claveOf.has(code)) continue;
      const clave = wellFormed(code);
      claveOf.set(code, clave);
      if (clave === undefined || known.has(clave) || waits.has(clave) ||
        toFetch.has(clave)) continue;
      const cached = this.#cache.get(clave);
      const inFlight = this.#inFlight.get(clave);
      if (cached !== undefined) {
        known.set(clave, cached === UNKNOWN ? null : cached);
      } else if (inFlight !== undefined) {
        waits.set(clave, inFlight);
      } else {
        toFetch.add(clave);
      }
    }

    const asked = known.size + waits.size + toFetch.size;
    const batches = this.#startBatches([...toFetch]);
    this.#cacheHits += known.size + waits.size;
    this.#saved += Math.ceil(asked / this.#batchSize) - batches.length;

    for (const answers of await Promise.all([...waits.values(), ...batches])) {
      for (const [clave, id] of answers) {
        if (waits.has(clave) || toFetch.has(clave)) known.set(clave, id);
      }
    }

    const result: Answers = new Map();
    for (const [code, clave] of claveOf) {
      const id = clave === undefined ? null : known.get(clave) ?? null;
      if (id !== null) this.#hits += 1;
      result.set(code, id);
    }
    this.#lookups += result.size;
    return result;
  }

  /** See `CctResolverStats`; bytes are estimated per cached entry. */
  stats(): CctResolverStats {
    const entries = this.#cache.size;
    return {
      mode: this.mode,
      lookups: this.#lookups,
      hits: this.#hits,
      misses: this.#lookups - this.#hits,
      hitRate: this.#lookups === 0 ? 0 : this.#hits / this.#lookups,
      cacheHits: this.#cacheHits,
      cmsRequests: this.#requests,
      cmsRequestsSaved: this.#saved,
      entries,
      bytes: entries * APPROX_CACHE_ENTRY_BYTES,
    };
  }

  /** Starts one request per batch and marks its claves in flight. */
  #startBatches(claves: string[]): Promise<Answers>[] {
    const batches: Promise<Answers>[] = [];
    for (let at = 0; at < claves.length; at += this.#batchSize) {
      const batch = claves.slice(at, at + this.#batchSize);
      const request = this.#limit(() => this.#fetchBatch(batch));
      for (const clave of batch) this.#inFlight.set(clave, request);
      void request.then(
        () => this.#settled(batch, request),
        () => this.#settled(batch, request),
      );
      batches.push(request);
    }
    return batches;
  }

  async #fetchBatch(batch: string[]): Promise<Answers> {
    this.#requests += 1;
    const found = await this.#fetchIds(batch);
    const answers: Answers = new Map();
    for (const clave of batch) {
      const id = found.get(clave);
      answers.set(clave, id ?? null);
      this.#cache.set(clave, id ?? UNKNOWN);
    }
    return answers;
  }

  #settled(batch: string[], request: Promise<Answers>): void {
    for (const clave of batch) {
      if (this.#inFlight.get(clave) === request) this.#inFlight.delete(clave);
    }
  }
}

function wellFormed(code: string): string | undefined {
  if (cctToKey(code) !== undefined) return code;
  const clave = normaliseCct(code);
  return cctToKey(clave) === undefined ? undefined : clave;
}

function positive(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(
      `OnDemandCctResolver ${name} must be a whole number >= 1, got ${value}`,
    );
  }
  return value;
}
