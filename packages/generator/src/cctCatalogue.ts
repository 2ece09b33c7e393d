import { CCT_CAPACITY, CCT_KINDS, cctCodeAt } from './cctCode.js';
import { GeneratorOptionError } from './errors.js';
import type { Random } from './random.js';
import type { CctCodeSource } from './types.js';

/** The catalogue of schools the participations point at. */
export interface CctCatalogue {
  /** Number of entries; entry `i` is exported with id `i + 1`. */
  readonly size: number;
  /** Code of entry `index`, 0-based. */
  codeAt(index: number): string;
  /** A random entry's code. */
  pick(random: Random): string;
  /** A well-formed code that is not in the catalogue. */
  unknownCode(random: Random): string;
}

/** Default catalogue size for a file of `rows` rows: max(200, rows / 2). */
export function defaultCatalogueSize(rows: number): number {
  return Math.max(200, Math.ceil(rows / 2));
}

/** Mixes a seed into 32 well-spread bits. */
function mix(value: number): number {
  let x = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A catalogue computed from a seed: entry `i` is the code with ordinal
 * `(a·i + b) mod capacity`, a permutation, so entries are distinct, look
 * shuffled, need no memory, and ordinals past `size` are never in it.
 */
export function computedCatalogue(seed: number, size: number): CctCatalogue {
  if (!Number.isInteger(size) || size < 1 || size >= CCT_CAPACITY) {
    throw new GeneratorOptionError(
      'catalogue.size',
      `an integer from 1 to ${CCT_CAPACITY - 1}`,
      String(size),
    );
  }

  let step = (mix(seed) % CCT_CAPACITY) | 1;
  while (gcd(step, CCT_CAPACITY) !== 1) step += 2;
  const offset = mix(seed + 0x9e3779b9) % CCT_CAPACITY;
  const ordinalCode = (i: number) =>
    cctCodeAt((step * i + offset) % CCT_CAPACITY);

  return {
    size,
    codeAt: ordinalCode,
    pick: (random) => ordinalCode(random.int(0, size - 1)),
    unknownCode: (random) => ordinalCode(random.int(size, CCT_CAPACITY - 1)),
  };
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** A well-formed code built from random parts. */
function randomCode(random: Random): string {
  const state = String(random.int(1, 32)).padStart(2, '0');
  const number = String(random.int(1, 9999)).padStart(4, '0');
  return `${state}${random.pick(CCT_KINDS)}${number}${random.pick(LETTERS)}`;
}

/** A catalogue given as a list of codes, e.g. read from `ccts_export.csv`. */
export function listedCatalogue(codes: readonly string[]): CctCatalogue {
  if (codes.length === 0) {
    throw new GeneratorOptionError(
      'catalogue.codes',
      'at least one code',
      'an empty list',
    );
  }

  let known: Set<string> | undefined;
  return {
    size: codes.length,
    codeAt: (index) => codes[index] ?? '',
    pick: (random) => random.pick(codes),
    unknownCode(random) {
      known ??= new Set(codes);
      let code = randomCode(random);
      while (known.has(code)) code = randomCode(random);
      return code;
    },
  };
}

/** The catalogue a generator run draws from. */
export function catalogueFor(
  source: CctCodeSource | undefined,
  rows: number,
  seed: number,
): CctCatalogue {
  if (source === undefined) {
    return computedCatalogue(seed, defaultCatalogueSize(rows));
  }
  return 'codes' in source
    ? listedCatalogue(source.codes)
    : computedCatalogue(seed, source.size);
}
