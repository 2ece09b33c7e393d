import { normaliseCct } from './cct-code.js';
import type { CctIndex } from './cct-index.js';
import { cctToKey } from './cct-key.js';
import { DEFAULT_CCT_BATCH_SIZE } from './cct-resolver.js';
import type { CctResolver, CctResolverStats } from './cct-resolver.js';

/** Options of `PreloadedCctResolver`. */
export interface PreloadedCctResolverOptions {
  /**
   * Batch size the on-demand resolver would use, only to count the CMS
   * requests the index saves; 100 by default.
   */
  batchSize?: number;
}

/** Resolves CCT codes from a catalogue preloaded into a `CctIndex`. */
export class PreloadedCctResolver implements CctResolver {
  readonly mode = 'preloaded';
  readonly #index: CctIndex;
  readonly #batchSize: number;
  #lookups = 0;
  #hits = 0;
  #saved = 0;

  constructor(index: CctIndex, options: PreloadedCctResolverOptions = {}) {
    this.#index = index;
    this.#batchSize = options.batchSize ?? DEFAULT_CCT_BATCH_SIZE;
  }

  /** See `CctResolver.resolve`; never touches the CMS. */
  resolve(codes: readonly string[]): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>();
    let wellFormed = 0;
    for (const code of codes) {
      if (result.has(code)) continue;
      const key = cctToKey(code) ?? cctToKey(normaliseCct(code));
      const id = key === undefined ? undefined : this.#index.getByKey(key);
      if (key !== undefined) wellFormed += 1;
      if (id !== undefined) this.#hits += 1;
      result.set(code, id ?? null);
    }
    this.#lookups += result.size;
    this.#saved += Math.ceil(wellFormed / this.#batchSize);
    return Promise.resolve(result);
  }

  /** See `CctResolverStats`; bytes are the index's arrays. */
  stats(): CctResolverStats {
    return {
      mode: this.mode,
      lookups: this.#lookups,
      hits: this.#hits,
      misses: this.#lookups - this.#hits,
      hitRate: this.#lookups === 0 ? 0 : this.#hits / this.#lookups,
      cacheHits: 0,
      cmsRequests: 0,
      cmsRequestsSaved: this.#saved,
      entries: this.#index.size,
      bytes: this.#index.byteSize,
    };
  }
}
