import { describe, expect, it } from 'vitest';
import { buildCurp, curpCheckDigit, isValidCurp } from './curp.js';
import { IdentifierFormatError } from './errors.js';

// Check digits worked out by hand from the published rule:
// PELJ900514HYNRPN0 → values 26,14,21,19,9,0,0,5,1,4,17,35,23,28,26,23,0
// weighted 18..2 → sum 2386 → (10 − 6) mod 10 = 4.
// GOMM851231MDFNRR0 → sum 2313 → (10 − 3) mod 10 = 7.
// CAXA000229MYNNXNA → sum 2102 → (10 − 2) mod 10 = 8.
const JUAN = 'PELJ900514HYNRPN04';
const MARIA = 'GOMM851231MDFNRR07';
const ANA = 'CAXA000229MYNNXNA8';

describe('curpCheckDigit', () => {
  it('computes the digit of hand-checked CURPs', () => {
    expect(curpCheckDigit('PELJ900514HYNRPN0')).toBe('4');
    expect(curpCheckDigit('GOMM851231MDFNRR0')).toBe('7');
    expect(curpCheckDigit('CAXA000229MYNNXNA')).toBe('8');
  });

  it('values Ñ between N and O', () => {
    // Only the 13th character differs: Ñ is worth 24, N 23, weight 6,
    // so the sum grows from 2386 to 2392.
    expect(curpCheckDigit('PELJ900514HYÑRPN0')).toBe('8');
  });

  it('rejects input that is not 17 characters', () => {
    expect(() => curpCheckDigit('PELJ900514HYNRPN')).toThrow(
      new IdentifierFormatError('CURP', '17 characters', '16 characters'),
    );
  });

  it('rejects characters outside the CURP alphabet', () => {
    expect(() => curpCheckDigit('PELJ900514HYN-PN0')).toThrow(
      'CURP: expected only 0-9, A-Z and Ñ, received another character at 14',
    );
  });
});

describe('isValidCurp', () => {
  it('accepts CURPs with the right check digit', () => {
    expect([JUAN, MARIA, ANA].map(isValidCurp)).toEqual([true, true, true]);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidCurp(` ${JUAN.toLowerCase()} `)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidCurp('PELJ900514HYNRPN05')).toBe(false);
  });

  it('rejects a wrong length', () => {
    expect(isValidCurp(JUAN.slice(0, 17))).toBe(false);
    expect(isValidCurp(`${JUAN}0`)).toBe(false);
  });

  it('rejects an unknown state code', () => {
    const first17 = 'PELJ900514HZZRPN0';
    expect(isValidCurp(first17 + curpCheckDigit(first17))).toBe(false);
  });

  it('rejects a date that does not exist', () => {
    // 29 February 1990 did not exist (a digit in position 17 means 19xx).
    const first17 = 'PELJ900229HYNRPN0';
    expect(isValidCurp(first17 + curpCheckDigit(first17))).toBe(false);
  });

  it('reads a letter in position 17 as a birth from 2000 on', () => {
    // 29 February 2000 existed; ANA carries the letter A.
    expect(isValidCurp(ANA)).toBe(true);
  });
});

describe('buildCurp', () => {
  it('builds the CURP from names, birth date, sex and state', () => {
    const curp = buildCurp({
      givenNames: 'Juan',
      firstSurname: 'Pérez',
      secondSurname: 'López',
      birthYear: 1990,
      birthMonth: 5,
      birthDay: 14,
      sex: 'H',
      stateCode: 'YN',
      differentiator: '0',
    });
    expect(curp).toBe(JUAN);
  });

  it('skips María, particles and reads Ñ as X', () => {
    const curp = buildCurp({
      givenNames: 'María de los Ángeles',
      firstSurname: 'de la Peña',
      secondSurname: '',
      birthYear: 1985,
      birthMonth: 12,
      birthDay: 31,
      sex: 'M',
      stateCode: 'DF',
      differentiator: '0',
    });
    // PEÑA → P, E; no second surname → X; ÁNGELES → A;
    // inner consonants X (Ñ), X (none), N.
    expect(curp.slice(0, 17)).toBe('PEXA851231MDFXXN0');
    expect(isValidCurp(curp)).toBe(true);
  });

  it('replaces the vowel of an inconvenient word with X', () => {
    const curp = buildCurp({
      givenNames: 'Ana',
      firstSurname: 'Cano',
      secondSurname: 'Castro',
      birthYear: 1970,
      birthMonth: 1,
      birthDay: 2,
      sex: 'M',
      stateCode: 'JC',
      differentiator: '0',
    });
    // CACA is on the list of words CURP avoids: CXCA.
    expect(curp.slice(0, 4)).toBe('CXCA');
  });
});
