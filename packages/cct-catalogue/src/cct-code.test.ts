import { describe, expect, it } from 'vitest';
import { checkCct, normaliseCct } from './cct-code.js';

describe('normaliseCct', () => {
  it('trims, upper-cases and drops inner spaces', () => {
    expect(normaliseCct('  01djn 0002d ')).toBe('01DJN0002D');
  });

  it('drops tabs and line breaks too', () => {
    expect(normaliseCct('\t01DJN\n0002D\r')).toBe('01DJN0002D');
  });

  it('leaves a canonical code unchanged', () => {
    expect(normaliseCct('31EPR0123Z')).toBe('31EPR0123Z');
  });
});

describe('checkCct', () => {
  it('accepts well-formed codes for the first and last states', () => {
    expect(checkCct('01DJN0002D')).toBeUndefined();
    expect(checkCct('32EPR9999Z')).toBeUndefined();
  });

  it('accepts a lower-case code once normalised', () => {
    expect(checkCct(normaliseCct('01djn0002d'))).toBeUndefined();
  });

  it('rejects an empty code', () => {
    expect(checkCct('')).toBe(
      'is empty; a CCT has 10 characters, e.g. 01DJN0002D');
  });

  it('rejects a code that is too short or too long', () => {
    expect(checkCct('01DJN002D')).toBe(
      'has 9 characters; a CCT has 10, e.g. 01DJN0002D');
    expect(checkCct('01DJN00002D')).toBe(
      'has 11 characters; a CCT has 10, e.g. 01DJN0002D');
  });

  it('rejects a state that is not two digits', () => {
    expect(checkCct('O1DJN0002D')).toBe(
      'must start with two digits for the state (01 to 32), found "O1"');
  });

  it('rejects state 00 and state 33', () => {
    expect(checkCct('00DJN0002D')).toBe(
      'state 00 does not exist; it must be 01 to 32');
    expect(checkCct('33DJN0002D')).toBe(
      'state 33 does not exist; it must be 01 to 32');
  });

  it('rejects a kind of school that is not three letters', () => {
    expect(checkCct('01D1N0002D')).toBe(
      'characters 3 to 5 must be upper-case letters for the kind of ' +
      'school, found "D1N"');
  });

  it('rejects lower-case letters that were not normalised', () => {
    expect(checkCct('01djn0002d')).toBe(
      'characters 3 to 5 must be upper-case letters for the kind of ' +
      'school, found "djn"');
  });

  it('rejects a school number that is not four digits', () => {
    expect(checkCct('01DJN00O2D')).toBe(
      'characters 6 to 9 must be digits, found "00O2"');
  });

  it('rejects a final character that is not a letter', () => {
    expect(checkCct('01DJN00024')).toBe(
      'must end with a check letter, found "4"');
  });

  it('rejects letters outside A to Z', () => {
    expect(checkCct('01DÑN0002D')).toBe(
      'characters 3 to 5 must be upper-case letters for the kind of ' +
      'school, found "DÑN"');
  });
});
