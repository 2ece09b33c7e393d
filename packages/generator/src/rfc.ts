import { isCalendarDate, yymmdd } from './calendar.js';
import { IdentifierFormatError } from './errors.js';
import {
  firstInnerVowel,
  initial,
  isInconvenient,
  nameWords,
} from './nameLetters.js';
import type { PersonName } from './nameLetters.js';

// Position of a character in this string is its value in the check sum.
const RFC_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

const RFC_PATTERN = /^[A-ZÑ&]{3,4}(\d{2})(\d{2})(\d{2})[A-Z\d]{2}[A\d]$/;

/** What the RFC of a person is built from. */
export interface RfcParts extends PersonName {
  readonly birthYear: number;
  readonly birthMonth: number;
  readonly birthDay: number;
  /** Two characters (`[1-9A-Z]`) that tell apart people with equal names. */
  readonly homoclave: string;
}

/**
 * The check character (last position) of an RFC from the characters before
 * it: 11 for a company, 12 for a person. Each character is valued by its
 * place in `0-9A-N&O-Z Ñ`, weighted 13 down to 2 (a company's RFC is read
 * with a leading space); the result is `11 - sum mod 11`, with 11 read as
 * `0` and 10 as `A`.
 *
 * @example rfcCheckDigit('PELJ900514K7') // '0'
 */
export function rfcCheckDigit(body: string): string {
  if (body.length !== 11 && body.length !== 12) {
    throw new IdentifierFormatError(
      'RFC', '11 or 12 characters', `${body.length} characters`);
  }

  const padding = 12 - body.length;
  const padded = ' '.repeat(padding) + body;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const value = RFC_ALPHABET.indexOf(padded[i] ?? '');
    if (value < 0) {
      const position = i + 1 - padding;
      throw new IdentifierFormatError(
        'RFC', 'only 0-9, A-Z, Ñ and &', `another character at ${position}`);
    }
    sum += value * (13 - i);
  }

  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? 'A' : String(digit);
}

/**
 * Whether a value has the shape of an RFC: three (company) or four (person)
 * letters, a real `YYMMDD` date and a three-character homoclave whose last
 * character is a digit or `A`. The check character is not compared, since
 * the tax authority has issued RFCs whose check character does not match;
 * use {@link rfcCheckDigit} for that. Surrounding spaces and lower case are
 * accepted.
 */
export function isValidRfc(value: string): boolean {
  const match = RFC_PATTERN.exec(value.trim().toUpperCase());
  if (match === null) return false;

  const [, yy, mm, dd] = match;
  const year = 2000 + Number(yy);
  return isCalendarDate(year, Number(mm), Number(dd));
}

/**
 * The four letters that open the RFC of a person. Same as the CURP's, except
 * for short or missing surnames, and an inconvenient word loses its last
 * letter instead of its second.
 */
function rfcLetters(name: PersonName): string {
  const words = nameWords(name);
  let letters: string;
  if (words.second === '') {
    letters = words.first.slice(0, 2).padEnd(2, 'X') + words.given.slice(0, 2);
  } else if (words.first.length <= 2) {
    letters = initial(words.first) + initial(words.second) +
      words.given.slice(0, 2);
  } else {
    letters = initial(words.first) + firstInnerVowel(words.first) +
      initial(words.second) + initial(words.given);
  }
  letters = letters.padEnd(4, 'X');
  return isInconvenient(letters) ? `${letters.slice(0, 3)}X` : letters;
}

/** Builds the 13-character RFC of a person, check character included. */
export function buildRfc(parts: RfcParts): string {
  const body =
    rfcLetters(parts) +
    yymmdd(parts.birthYear, parts.birthMonth, parts.birthDay) +
    parts.homoclave;
  return body + rfcCheckDigit(body);
}
