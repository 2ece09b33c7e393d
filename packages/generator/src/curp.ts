import { isCalendarDate, yymmdd } from './calendar.js';
import { IdentifierFormatError } from './errors.js';
import { CURP_BORN_ABROAD, MEXICAN_STATES } from './mexicanStates.js';
import {
  firstInnerConsonant,
  firstInnerVowel,
  initial,
  isInconvenient,
  nameWords,
} from './nameLetters.js';
import type { PersonName } from './nameLetters.js';

// Position of a character in this string is its value in the check sum.
const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

const STATE_CODES = [
  ...MEXICAN_STATES.map((state) => state.curpCode),
  CURP_BORN_ABROAD,
].join('|');

const CURP_PATTERN = new RegExp(
  '^[A-Z][AEIOUX][A-Z]{2}(\\d{2})(\\d{2})(\\d{2})[HMX]' +
    `(?:${STATE_CODES})[B-DF-HJ-NP-TV-Z]{3}([A-Z\\d])\\d$`,
);

/** What a CURP is built from. */
export interface CurpParts extends PersonName {
  readonly birthYear: number;
  readonly birthMonth: number;
  readonly birthDay: number;
  /** `H` (hombre) or `M` (mujer). */
  readonly sex: 'H' | 'M';
  /** Two-letter state of birth, e.g. `YN`. */
  readonly stateCode: string;
  /**
   * Position 17, told apart homonyms: a digit for people born before 2000,
   * a letter from 2000 on.
   */
  readonly differentiator: string;
}

/**
 * The check digit (position 18) of a CURP from its first 17 characters.
 * Each character is valued by its place in `0-9A-NÑO-Z`, weighted 18 down
 * to 2; the digit is `(10 - sum mod 10) mod 10`.
 *
 * @example curpCheckDigit('PELJ900514HYNRPN0') // '4'
 */
export function curpCheckDigit(first17: string): string {
  if (first17.length !== 17) {
    throw new IdentifierFormatError(
      'CURP', '17 characters', `${first17.length} characters`);
  }

  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CURP_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) {
      throw new IdentifierFormatError(
        'CURP', 'only 0-9, A-Z and Ñ', `another character at ${i + 1}`);
    }
    sum += value * (18 - i);
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Whether a value is a well-formed CURP: 18 characters in the official
 * layout, a real birth date, a known state code and the right check digit.
 * Surrounding spaces and lower case are accepted.
 */
export function isValidCurp(value: string): boolean {
  const curp = value.trim().toUpperCase();
  const match = CURP_PATTERN.exec(curp);
  if (match === null) return false;

  const [, yy, mm, dd, differentiator] = match;
  const century = /\d/.test(differentiator ?? '') ? 1900 : 2000;
  const year = century + Number(yy);
  if (!isCalendarDate(year, Number(mm), Number(dd))) return false;

  return curpCheckDigit(curp.slice(0, 17)) === curp[17];
}

/** Builds the CURP of a person, check digit included. */
export function buildCurp(parts: CurpParts): string {
  const words = nameWords(parts);
  let letters =
    initial(words.first) +
    firstInnerVowel(words.first) +
    initial(words.second) +
    initial(words.given);
  if (isInconvenient(letters)) letters = `${letters[0]}X${letters.slice(2)}`;

  const first17 =
    letters +
    yymmdd(parts.birthYear, parts.birthMonth, parts.birthDay) +
    parts.sex +
    parts.stateCode +
    firstInnerConsonant(words.first) +
    firstInnerConsonant(words.second) +
    firstInnerConsonant(words.given) +
    parts.differentiator;
  return first17 + curpCheckDigit(first17);
}
