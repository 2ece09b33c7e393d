import * as v from 'valibot';
import { isValidCurp, isValidRfc } from './identity.js';

const NOT_AVAILABLE = new Set(['', 'na', 'n/a']);
const TRUE_WORDS = new Set(['1', 'true', 'si', 'x', 'yes', 'verdadero']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'falso']);

/** True for the spellings that mean "not available": NA, N/A, n/a, ''. */
export function isNotAvailable(raw: string | undefined): boolean {
  return raw === undefined || NOT_AVAILABLE.has(raw.trim().toLowerCase());
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
  let text = raw.replace(/\s+/g, '');
  if (comma === 'thousands' && THOUSANDS.test(text)) {
    text = text.replace(/,/g, '');
  } else if (/^-?\d+,\d+$/.test(text)) {
    text = text.replace(',', '.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

type Reader<T> = (text: string) => T | undefined;

/** NUL characters are never stored: no text field of the CMS holds one. */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/**
 * A cell schema: trims the text, reads "not available" as `null`, and
 * converts the rest with `read`, adding an issue with `expected` when
 * that fails.
 */
function cell<T>(read: Reader<T>, expected: string) {
  return v.pipe(
    v.string(),
    v.rawTransform<string, T | null>(({ dataset, addIssue, NEVER }) => {
      const text = withoutNul(dataset.value).trim();
      if (NOT_AVAILABLE.has(text.toLowerCase())) return null;
      const value = read(text);
      if (value === undefined) {
        addIssue({ message: `expected ${expected}`, expected });
        return NEVER;
      }
      return value;
    }),
  );
}

/** Free text; `null` when not available. */
export const textCell = cell((t) => t, 'text');

/** A whole number, spaces allowed. */
export const integerCell = cell((t) => {
  const n = readNumber(t);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
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
