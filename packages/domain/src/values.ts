import * as v from 'valibot';
import { isValidCurp, isValidRfc } from './identity.js';

const NOT_AVAILABLE = new Set(['', 'na', 'n/a']);
const TRUE_WORDS = new Set(['1', 'true', 'si', 'x', 'yes', 'verdadero']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'falso']);

/** True for the spellings that mean "not available": NA, N/A, n/a, ''. */
export function isNotAvailable(raw: string | undefined): boolean {
  return raw === undefined || isNotAvailableText(raw.trim());
}

/** `isNotAvailable` for trimmed text; longer text is never lower-cased. */
function isNotAvailableText(text: string): boolean {
  return text.length <= 3 && NOT_AVAILABLE.has(text.toLowerCase());
}

/**
 * Reads a yes/no cell, ignoring case and accents (`Sí`, `SI`, `si`);
 * `undefined` when the spelling is not recognised.
 */
export function readBoolean(raw: string): boolean | undefined {
  let word = raw.trim().toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(word)) {
    word = word.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** A plain whole number, the most common numeric cell. */
const DIGITS = /^\d{1,15}$/;

/** Commas grouping thousands, as Mexican spreadsheets write them: 1,250. */
const THOUSANDS = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number that may carry spaces and commas. With `thousands` (for
 * counts such as minutes) `1,250` is 1250 and `8,5` is 8.5; with `decimal`
 * (for grades) a lone comma is always the decimal mark: `8,333` is 8.333.
 * `undefined` when the text is not a number.
 */
export function readNumber(
  raw: string,
  comma: 'thousands' | 'decimal' = 'thousands',
): number | undefined {
  if (DIGITS.test(raw)) return Number(raw);
  let text = raw.replace(/\s+/g, '');
  if (comma === 'thousands' && THOUSANDS.test(text)) {
    text = text.replace(/,/g, '');
  } else if (/^-?\d+,\d+$/.test(text)) {
    text = text.replace(',', '.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  // Hundreds of digits read as Infinity, which no store can hold.
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

type Reader<T> = (text: string) => T | undefined;

/** NUL characters are never stored: no text field of the CMS holds one. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/** A cell's text as every cell schema reads it: no NUL, trimmed. */
function tidy(raw: string): string {
  return withoutNul(raw).trim();
}

/**
 * Reads one cell's text: its value, `null` when not available, `undefined`
 * when it does not read as the cell's kind.
 */
export type CellReader<T> = (raw: string) => T | null | undefined;

const READERS = new WeakMap<object, CellReader<unknown>>();

/**
 * The reader a cell schema of this module was built from, for callers that
 * read many cells and only need the value (the schema says why a cell
 * does not read).
 */
export function readerOf(schema: object): CellReader<unknown> | undefined {
  return READERS.get(schema);
}

/**
 * A cell schema: trims the text, reads "not available" as `null`, and
 * converts the rest with `read`, adding an issue with `expected` when
 * that fails.
 */
function cell<T>(read: Reader<T>, expected: string) {
  const readCell: CellReader<T> = (raw) => {
    const text = tidy(raw);
    if (isNotAvailableText(text)) return null;
    return read(text);
  };
  const schema = v.pipe(
    v.string(),
    v.rawTransform<string, T | null>(({ dataset, addIssue, NEVER }) => {
      const value = readCell(dataset.value);
      if (value === undefined) {
        addIssue({ message: `expected ${expected}`, expected });
        return NEVER;
      }
      return value;
    }),
  );
  READERS.set(schema, readCell);
  return schema;
}

/** Free text; `null` when not available. */
export const textCell = cell((t) => t, 'text');

/** A whole number, spaces allowed. */
export const integerCell = cell((t) => {
  const n = readNumber(t);
  // Beyond 2^53 a whole number is no longer held exactly.
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}, 'a whole number');

/** A decimal number, spaces and a decimal comma allowed. */
export const decimalCell = cell((t) => readNumber(t, 'decimal'), 'a number');

/** A yes/no value: 1/0, true/false, Sí/Si/No, x. */
export const booleanCell = cell(readBoolean, '1/0, Sí/No, true/false or x');

/** A CURP: eighteen characters with a valid check digit. */
export const curpCell = cell((t) => {
  const curp = t.toUpperCase();
  return isValidCurp(curp) ? curp : undefined;
}, 'a CURP of 18 characters with a valid check digit');

/** An RFC of twelve or thirteen characters. */
export const rfcCell = cell((t) => {
  const rfc = t.toUpperCase();
  return isValidRfc(rfc) ? rfc : undefined;
}, 'an RFC of 12 or 13 characters');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, lower-cased. */
export const emailCell = cell((t) => {
  const email = t.toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}, 'an email address');

/** Text that must be present. */
export const requiredTextCell = v.pipe(
  v.string('is missing'),
  v.transform(withoutNul),
  v.trim(),
  v.check((t) => !NOT_AVAILABLE.has(t.toLowerCase()), 'is required'),
);
READERS.set(requiredTextCell, (raw) => {
  const text = tidy(raw);
  return isNotAvailableText(text) ? undefined : text;
});
