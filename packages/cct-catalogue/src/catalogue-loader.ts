import { performance } from 'node:perf_hooks';
import { checkCct, normaliseCct } from './cct-code.js';
import { cctToKey, keyToCct } from './cct-key.js';
import { CctIndex } from './cct-index.js';
import type { CctIdArray } from './cct-index.js';
import { CatalogueFormatError } from './errors.js';
import { lineBatches } from './line-batches.js';
import type { CatalogueSource } from './line-batches.js';

/** Why a catalogue line was skipped. */
export type BadLineKind = 'fields' | 'id' | 'clave' | 'duplicate';

/** One skipped catalogue line, for reports. */
export interface BadCatalogueLine {
  /** 1-based line number in the file; the header is line 1. */
  readonly line: number;
  readonly kind: BadLineKind;
  /** What is wrong, in words a person can act on. */
  readonly reason: string;
}

/** What loading a catalogue found. */
export interface CatalogueStats {
  /** Name of the catalogue, when given. */
  readonly file: string | undefined;
  /** Data lines read: every non-blank line after the header. */
  readonly lines: number;
  /** Entries in the index. */
  readonly entries: number;
  /** Lines skipped, all kinds together. */
  readonly badLines: number;
  readonly badLinesByKind: Readonly<Record<BadLineKind, number>>;
  /** The first skipped lines, in file order (20 unless configured). */
  readonly badLineSamples: readonly BadCatalogueLine[];
  /** Wall time spent reading and indexing. */
  readonly elapsedMs: number;
}

/** Options of `loadCatalogue`. */
export interface LoadCatalogueOptions {
  /** Name used in errors and stats: file path or object key. */
  file?: string;
  /** How many skipped lines to keep as samples; 20 by default. */
  maxSamples?: number;
  /** Expected entry count, to size buffers once (a hint, not a limit). */
  expectedEntries?: number;
}

/** The header a catalogue must start with (case-insensitive). */
export const CATALOGUE_HEADER = 'id,clave';

const DEFAULT_MAX_SAMPLES = 20;
const INITIAL_CAPACITY = 16_384;
const MAX_UINT32 = 0xffff_ffff;
const WHOLE_NUMBER = /^[0-9]+$/;
const SHOWN_CHARS = 40;

/**
 * Streams a `ccts_export.csv` catalogue (`id,clave`) into a `CctIndex`.
 *
 * The header must be `id,clave` in any case, optionally after a UTF-8
 * byte-order mark and with quoted names; anything else throws a
 * `CatalogueFormatError`. Each data line needs a positive whole-number id
 * and a well-formed clave (normalised first); lines that are not, and later
 * repeats of a clave already seen, are counted and skipped. Blank lines are
 * ignored.
 */
export async function loadCatalogue(
  source: CatalogueSource,
  options: LoadCatalogueOptions = {},
): Promise<{ index: CctIndex; stats: CatalogueStats }> {
  const started = performance.now();
  const file = options.file;
  const maxSamples = options.maxSamples ?? DEFAULT_MAX_SAMPLES;
  const table = new EntryTable(
    Math.max(1, options.expectedEntries ?? INITIAL_CAPACITY),
  );
  const bad = new BadLineLog(maxSamples);
  let lineNumber = 0;
  let dataLines = 0;

  for await (const batch of lineBatches(source, file)) {
    for (const text of batch) {
      lineNumber += 1;
      if (lineNumber === 1) {
        checkHeader(text, file);
        continue;
      }
      if (text.trim().length === 0) continue;
      dataLines += 1;
      readLine(text, lineNumber, table, bad);
    }
  }
  if (lineNumber === 0) {
    throw new CatalogueFormatError({
      file,
      line: 1,
      expected: `the header "${CATALOGUE_HEADER}"`,
      found: 'an empty file',
    });
  }

  const index = table.toIndex(bad);
  const byKind = bad.byKind;
  return {
    index,
    stats: {
      file,
      lines: dataLines,
      entries: index.size,
      badLines: bad.count,
      badLinesByKind: byKind,
      badLineSamples: bad.samples(),
      elapsedMs: performance.now() - started,
    },
  };
}

function checkHeader(text: string, file: string | undefined): void {
  const names = text.replace(/^\uFEFF/, '').split(',')
    .map((name) => unquote(name).toLowerCase());
  if (names.length === 2 && names[0] === 'id' && names[1] === 'clave') return;
  throw new CatalogueFormatError({
    file,
    line: 1,
    expected: `the header "${CATALOGUE_HEADER}"`,
    found: text.trim().length === 0 ? 'an empty line' : `"${shown(text)}"`,
  });
}

function readLine(
  text: string,
  line: number,
  table: EntryTable,
  bad: BadLineLog,
): void {
  const comma = text.indexOf(',');
  if (comma === -1 || text.indexOf(',', comma + 1) !== -1) {
    const fields = comma === -1 ? 1 : text.split(',').length;
    bad.add(line, 'fields',
      `expected 2 fields (${CATALOGUE_HEADER}), found ${fields}`);
    return;
  }
  const idText = unquote(text.slice(0, comma));
  const id = WHOLE_NUMBER.test(idText) ? Number(idText) : Number.NaN;
  if (!(id >= 1 && id <= Number.MAX_SAFE_INTEGER)) {
    bad.add(line, 'id', `id "${shown(idText)}" is not a positive whole number`);
    return;
  }
  const rawClave = unquote(text.slice(comma + 1));
  const clave = normaliseCct(rawClave);
  const key = cctToKey(clave);
  if (key === undefined) {
    const reason = checkCct(clave) ?? 'is not a valid CCT';
    bad.add(line, 'clave', `clave "${shown(rawClave)}" ${reason}`);
    return;
  }
  table.push(key, id, line);
}

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

function shown(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** Counts skipped lines and keeps the earliest ones as samples. */
class BadLineLog {
  readonly byKind: Record<BadLineKind, number> =
    { fields: 0, id: 0, clave: 0, duplicate: 0 };
  count = 0;
  readonly #max: number;
  // Lines are read in order, so the first ones added are the earliest,
  // except duplicates, found after sorting: they are merged in `samples`.
  readonly #streamed: BadCatalogueLine[] = [];
  readonly #duplicates: BadCatalogueLine[] = [];

  constructor(max: number) {
    this.#max = max;
  }

  add(line: number, kind: BadLineKind, reason: string): void {
    this.count += 1;
    this.byKind[kind] += 1;
    const list = kind === 'duplicate' ? this.#duplicates : this.#streamed;
    if (kind === 'duplicate' || list.length < this.#max) {
      list.push({ line, kind, reason });
    }
    if (this.#duplicates.length > 4 * this.#max + 64) this.#trimDuplicates();
  }

  samples(): BadCatalogueLine[] {
    return [...this.#streamed, ...this.#duplicates]
      .sort((a, b) => a.line - b.line)
      .slice(0, this.#max);
  }

  #trimDuplicates(): void {
    this.#duplicates.sort((a, b) => a.line - b.line);
    this.#duplicates.length = this.#max;
  }
}

/** Growable columns of key, id and line number, in file order. */
class EntryTable {
  #keys: Float64Array;
  #ids: Float64Array;
  #lines: Uint32Array;
  #count = 0;
  #maxId = 0;
  #ascending = true;

  constructor(capacity: number) {
    this.#keys = new Float64Array(capacity);
    this.#ids = new Float64Array(capacity);
    this.#lines = new Uint32Array(capacity);
  }

  push(key: number, id: number, line: number): void {
    const at = this.#count;
    if (at === this.#keys.length) this.#grow();
    if (at > 0 && !(key > (this.#keys[at - 1] as number))) {
      this.#ascending = false;
    }
    this.#keys[at] = key;
    this.#ids[at] = id;
    this.#lines[at] = line;
    if (id > this.#maxId) this.#maxId = id;
    this.#count = at + 1;
  }

  /**
   * Sorts by key (file order among equal keys), logs every later repeat of
   * a key as a duplicate and builds the index from the first of each.
   */
  toIndex(bad: BadLineLog): CctIndex {
    const count = this.#count;
    const keys = this.#keys;
    const order = this.#ascending ? undefined : this.#sortedOrder();
    const at = (i: number): number => (order === undefined ? i : order[i]!);

    let unique = 0;
    let firstOfRun = -1;
    for (let i = 0; i < count; i += 1) {
      const entry = at(i);
      if (firstOfRun !== -1 && keys[entry] === keys[firstOfRun]) {
        bad.add(this.#lines[entry]!, 'duplicate',
          `clave ${keyToCct(keys[entry]!)} repeats line ` +
          `${this.#lines[firstOfRun]}, ` +
          `whose id ${this.#ids[firstOfRun]} is kept`);
      } else {
        firstOfRun = entry;
        unique += 1;
      }
    }

    const indexKeys = new Float64Array(unique);
    const indexIds: CctIdArray = this.#maxId <= MAX_UINT32
      ? new Uint32Array(unique)
      : new Float64Array(unique);
    let written = 0;
    for (let i = 0; i < count; i += 1) {
      const entry = at(i);
      const key = keys[entry]!;
      if (written > 0 && indexKeys[written - 1] === key) continue;
      indexKeys[written] = key;
      indexIds[written] = this.#ids[entry]!;
      written += 1;
    }
    return new CctIndex(indexKeys, indexIds);
  }

  #sortedOrder(): Uint32Array {
    const keys = this.#keys;
    const order = new Uint32Array(this.#count);
    for (let i = 0; i < order.length; i += 1) order[i] = i;
    return order.sort((a, b) => (keys[a]! - keys[b]!) || (a - b));
  }

  #grow(): void {
    const capacity = this.#keys.length * 2;
    this.#keys = grown(new Float64Array(capacity), this.#keys);
    this.#ids = grown(new Float64Array(capacity), this.#ids);
    this.#lines = grown(new Uint32Array(capacity), this.#lines);
  }
}

function grown<T extends Float64Array | Uint32Array>(into: T, from: T): T {
  into.set(from);
  return into;
}
