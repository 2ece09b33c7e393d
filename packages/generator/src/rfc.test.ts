import { describe, expect, it } from 'vitest';
import { IdentifierFormatError } from './errors.js';
import { buildRfc, isValidRfc, rfcCheckDigit } from './rfc.js';

// Worked out by hand from the published rule:
// PELJ900514K7 → values 26,14,21,19,9,0,0,5,1,4,20,7 weighted 13..2
// → sum 1133 = 11 × 103 → remainder 0 → check 0.
// " ABC010101A1" (company, leading space = 37) → sum 892 → remainder 1
// → 11 − 1 = 10 → check A.
describe('rfcCheckDigit', () => {
  it('computes the check character of a person', () => {
    expect(rfcCheckDigit('PELJ900514K7')).toBe('0');
  });

  it('computes the check character of a company, reading 10 as A', () => {
    expect(rfcCheckDigit('ABC010101A1')).toBe('A');
  });

  it('rejects a body of the wrong length', () => {
    expect(() => rfcCheckDigit('PELJ900514')).toThrow(
      new IdentifierFormatError('RFC', '11 or 12 characters', '10 characters'),
    );
  });
});

describe('isValidRfc', () => {
  it('accepts the 13 characters of a person and 12 of a company', () => {
    expect(isValidRfc('PELJ900514K70')).toBe(true);
    expect(isValidRfc('ABC010101A1A')).toBe(true);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidRfc(' pelj900514k70 ')).toBe(true);
  });

  it('does not compare the check character', () => {
    expect(isValidRfc('PELJ900514K79')).toBe(true);
  });

  it('rejects a wrong length', () => {
    expect(isValidRfc('PELJ900514K7')).toBe(false);
    expect(isValidRfc('PELJ900514K700')).toBe(false);
  });

  it('rejects a date that does not exist', () => {
    expect(isValidRfc('PELJ901314K70')).toBe(false);
    expect(isValidRfc('PELJ900230K70')).toBe(false);
  });

  it('rejects a last character other than a digit or A', () => {
    expect(isValidRfc('PELJ900514K7B')).toBe(false);
  });
});

describe('buildRfc', () => {
  const born = { birthYear: 1990, birthMonth: 5, birthDay: 14 };

  it('opens with the same letters as the CURP and ends with its check', () => {
    const rfc = buildRfc({
      givenNames: 'Juan',
      firstSurname: 'Pérez',
      secondSurname: 'López',
      ...born,
      homoclave: 'K7',
    });
    expect(rfc).toBe('PELJ900514K70');
  });

  it('uses two letters of each name when the second surname is missing', () => {
    const rfc = buildRfc({
      givenNames: 'Juan',
      firstSurname: 'Pérez',
      secondSurname: '',
      ...born,
      homoclave: 'K7',
    });
    expect(rfc.slice(0, 4)).toBe('PEJU');
  });

  it('uses two letters of the given name after a short first surname', () => {
    const rfc = buildRfc({
      givenNames: 'Rosa',
      firstSurname: 'Uc',
      secondSurname: 'Canul',
      ...born,
      homoclave: 'K7',
    });
    expect(rfc.slice(0, 4)).toBe('UCRO');
  });
});
