import { CCT_LENGTH, CCT_STATE_MAX, CCT_STATE_MIN } from './cct-code.js';

const LETTERS = 26;
const NUMBER_SPAN = 10_000;
const A = 65;
const ZERO = 48;

/**
 * Encodes a well-formed, normalised CCT as an integer, or returns
 * `undefined` when it is not well-formed.
 *
 * The key is state, the three kind letters, the four digits and the check
 * letter read as one mixed-radix number (100 × 26³ × 10⁴ × 26 values, about
 * 4.6 × 10¹¹, far below 2⁵³), so it is an exact JS number and sorting keys
 * sorts codes in their alphabetical order.
 */
export function cctToKey(code: string): number | undefined {
  if (code.length !== CCT_LENGTH) return undefined;
  const state = digit(code, 0) * 10 + digit(code, 1);
  if (!(state >= CCT_STATE_MIN && state <= CCT_STATE_MAX)) return undefined;
  let key = state;
  for (let i = 2; i < 5; i += 1) key = key * LETTERS + letter(code, i);
  key = key * NUMBER_SPAN +
    digit(code, 5) * 1000 + digit(code, 6) * 100 +
    digit(code, 7) * 10 + digit(code, 8);
  key = key * LETTERS + letter(code, 9);
  // A bad character yields NaN, which survives every step above.
  return Number.isNaN(key) ? undefined : key;
}

/** Turns a key made by `cctToKey` back into its CCT. */
export function keyToCct(key: number): string {
  let rest = key;
  const check = rest % LETTERS;
  rest = (rest - check) / LETTERS;
  const number = rest % NUMBER_SPAN;
  rest = (rest - number) / NUMBER_SPAN;
  const kind: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const value = rest % LETTERS;
    kind.unshift(A + value);
    rest = (rest - value) / LETTERS;
  }
  return String(rest).padStart(2, '0') +
    String.fromCharCode(...kind) +
    String(number).padStart(4, '0') +
    String.fromCharCode(A + check);
}

function digit(code: string, at: number): number {
  const value = code.charCodeAt(at) - ZERO;
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

function letter(code: string, at: number): number {
  const value = code.charCodeAt(at) - A;
  return value >= 0 && value < LETTERS ? value : Number.NaN;
}
