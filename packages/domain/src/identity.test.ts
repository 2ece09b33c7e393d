import { describe, expect, it } from 'vitest';
import { isValidCurp, isValidRfc } from './identity.js';

const CURP_DICTIONARY = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Appends the official CURP check digit to a 17-character stem. */
function curp(stem: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CURP_DICTIONARY.indexOf(stem[i]!) * (18 - i);
  }
  return stem + String((10 - (sum % 10)) % 10);
}

const RFC_DICTIONARY = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** Appends the SAT check character to an RFC without its last character. */
function rfc(stem: string): string {
  const padded = stem.length === 11 ? ` ${stem}` : stem;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += RFC_DICTIONARY.indexOf(padded[i]!) * (13 - i);
  }
  const digit = (11 - (sum % 11)) % 11;
  return stem + (digit === 10 ? 'A' : String(digit));
}

// Made-up identities: the stems follow the format, no real person's.
const PERSON = curp('GOMA800101HDFRRN0');

describe('isValidCurp', () => {
  it('accepts a CURP whose check digit matches', () => {
    expect(PERSON).toHaveLength(18);
    expect(isValidCurp(PERSON)).toBe(true);
  });

  it('accepts a person born in 2000 or later (letter in 17th place)', () => {
    expect(isValidCurp(curp('LOPE050715MJCPRSA'))).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    const digit = Number(PERSON.at(-1));
    const wrong = PERSON.slice(0, 17) + String((digit + 1) % 10);
    expect(isValidCurp(wrong)).toBe(false);
  });

  it('refuses a wrong length', () => {
    expect(isValidCurp(PERSON.slice(0, 17))).toBe(false);
    expect(isValidCurp(PERSON + '0')).toBe(false);
  });

  it('refuses separators, spaces and lower case instead of tidying', () => {
    expect(isValidCurp(`${PERSON.slice(0, 4)}-${PERSON.slice(4)}`)).toBe(false);
    expect(isValidCurp(` ${PERSON}`)).toBe(false);
    expect(isValidCurp(PERSON.toLowerCase())).toBe(false);
  });

  it('refuses a birth date that does not exist', () => {
    expect(isValidCurp(curp('GOMA800230HDFRRN0'))).toBe(false);
    expect(isValidCurp(curp('GOMA801301HDFRRN0'))).toBe(false);
  });

  it('knows which century a 29 February falls in', () => {
    // 2000 was a leap year, 1900 was not.
    expect(isValidCurp(curp('GOMA000229HDFRRNA'))).toBe(true);
    expect(isValidCurp(curp('GOMA000229HDFRRN0'))).toBe(false);
  });

  it('refuses an unknown state', () => {
    expect(isValidCurp(curp('GOMA800101HXXRRN0'))).toBe(false);
  });
});

describe('isValidRfc', () => {
  it('accepts a person RFC of thirteen characters', () => {
    const value = rfc('GOMA800101AB');
    expect(value).toHaveLength(13);
    expect(isValidRfc(value)).toBe(true);
  });

  it('accepts a company RFC of twelve characters', () => {
    const value = rfc('ABC150301XY');
    expect(value).toHaveLength(12);
    expect(isValidRfc(value)).toBe(true);
  });

  it('accepts the generic RFC', () => {
    expect(isValidRfc('XAXX010101000')).toBe(true);
  });

  it('refuses a wrong check character', () => {
    const value = rfc('GOMA800101AB');
    const wrong = value.slice(0, 12) + (value.endsWith('1') ? '2' : '1');
    expect(isValidRfc(wrong)).toBe(false);
  });

  it('refuses a wrong length', () => {
    expect(isValidRfc('GOMA800101')).toBe(false);
  });

  it('refuses separators and lower case instead of tidying', () => {
    const value = rfc('GOMA800101AB');
    expect(isValidRfc(`${value.slice(0, 4)}-${value.slice(4)}`)).toBe(false);
    expect(isValidRfc(value.toLowerCase())).toBe(false);
  });

  it('refuses a date that does not exist', () => {
    expect(isValidRfc(rfc('GOMA800231AB'))).toBe(false);
  });
});
