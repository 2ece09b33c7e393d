import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  curpCell,
  decimalCell,
  emailCell,
  integerCell,
  isNotAvailable,
  readBoolean,
  readNumber,
  requiredTextCell,
  rfcCell,
  textCell,
} from './values.js';

const DICTIONARY = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
/** A made-up CURP with the official check digit. */
function curp(stem: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += DICTIONARY.indexOf(stem[i]!) * (18 - i);
  return stem + String((10 - (sum % 10)) % 10);
}

/** The value a cell schema reads, or the messages of its issues. */
function read(schema: v.GenericSchema<string, unknown>, raw: string) {
  const result = v.safeParse(schema, raw);
  return result.success
    ? { value: result.output }
    : { issues: result.issues.map((i) => i.message) };
}

describe('isNotAvailable', () => {
  it('takes NA, N/A, n/a and the empty string', () => {
    for (const raw of ['NA', 'N/A', 'n/a', 'na', '', '  ', ' NA ']) {
      expect(isNotAvailable(raw), raw).toBe(true);
    }
  });

  it('takes an absent cell', () => {
    expect(isNotAvailable(undefined)).toBe(true);
  });

  it('does not take other values, zero included', () => {
    for (const raw of ['0', 'No', 'N', 'NAN', 'nada', '-']) {
      expect(isNotAvailable(raw), raw).toBe(false);
    }
  });
});

describe('readBoolean', () => {
  it('reads the yes spellings', () => {
    for (const raw of ['1', 'true', 'TRUE', 'Sí', 'SÍ', 'si', 'Si', 'x', 'X']) {
      expect(readBoolean(raw), raw).toBe(true);
    }
  });

  it('reads Sí written with a combining accent (NFD)', () => {
    expect(readBoolean('Si\u0301')).toBe(true);
  });

  it('reads the no spellings', () => {
    for (const raw of ['0', 'false', 'False', 'No', 'NO', ' no ']) {
      expect(readBoolean(raw), raw).toBe(false);
    }
  });

  it('is undefined for anything else', () => {
    for (const raw of ['2', 'quizá', 'n', '', 'NA']) {
      expect(readBoolean(raw), raw).toBeUndefined();
    }
  });
});

describe('readNumber', () => {
  it('reads whole and decimal numbers', () => {
    expect(readNumber('42')).toBe(42);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber('8.75')).toBe(8.75);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('7.')).toBe(7);
  });

  it('ignores spaces, including no-break spaces', () => {
    expect(readNumber(' 1 234 ')).toBe(1234);
    expect(readNumber('1\u00a0500')).toBe(1500);
    expect(readNumber('\t9\n')).toBe(9);
  });

  it('reads a decimal comma', () => {
    expect(readNumber('8,5')).toBe(8.5);
    expect(readNumber(' 9 , 25 ')).toBe(9.25);
    expect(readNumber('-0,5')).toBe(-0.5);
  });

  it('reads commas grouping thousands, as Mexican spreadsheets write them', () => {
    expect(readNumber('1,250')).toBe(1250);
    expect(readNumber('12,345,678')).toBe(12345678);
    expect(readNumber('1,250.5')).toBe(1250.5);
    expect(readNumber('0,125')).toBe(0.125);
  });

  it('refuses text, mixed separators and several commas', () => {
    for (const raw of ['', 'abc', '1.000,5', '1,2,3', '1e3', '--1', '10%']) {
      expect(readNumber(raw), raw).toBeUndefined();
    }
  });
});

describe('textCell', () => {
  it('trims the text', () => {
    expect(read(textCell, '  Docente ')).toEqual({ value: 'Docente' });
  });

  it('reads not available as null', () => {
    expect(read(textCell, 'N/A')).toEqual({ value: null });
    expect(read(textCell, '')).toEqual({ value: null });
  });
});

describe('integerCell', () => {
  it('reads whole numbers with spaces', () => {
    expect(read(integerCell, ' 1 200 ')).toEqual({ value: 1200 });
    expect(read(integerCell, '35')).toEqual({ value: 35 });
  });

  it('reads NA as null', () => {
    expect(read(integerCell, 'NA')).toEqual({ value: null });
  });

  it('refuses a fraction or text', () => {
    expect(read(integerCell, '3,5')).toEqual({
      issues: ['expected a whole number'],
    });
    expect(read(integerCell, 'treinta')).toEqual({
      issues: ['expected a whole number'],
    });
  });
});

describe('decimalCell', () => {
  it('reads a decimal comma or point', () => {
    expect(read(decimalCell, '9,5')).toEqual({ value: 9.5 });
    expect(read(decimalCell, '10')).toEqual({ value: 10 });
  });

  it('refuses text', () => {
    expect(read(decimalCell, 'nueve')).toEqual({ issues: ['expected a number'] });
  });
});

describe('booleanCell', () => {
  it('reads yes, no and not available', () => {
    expect(read(booleanCell, 'Sí')).toEqual({ value: true });
    expect(read(booleanCell, '0')).toEqual({ value: false });
    expect(read(booleanCell, 'n/a')).toEqual({ value: null });
  });

  it('refuses other words, saying what it expects', () => {
    expect(read(booleanCell, 'tal vez')).toEqual({
      issues: ['expected 1/0, Sí/No, true/false or x'],
    });
  });
});

describe('emailCell', () => {
  it('trims and lower-cases an address', () => {
    expect(read(emailCell, ' Ana.Perez@Example.MX ')).toEqual({
      value: 'ana.perez@example.mx',
    });
  });

  it('refuses text that is not an address', () => {
    expect(read(emailCell, 'ana@example')).toEqual({
      issues: ['expected an email address'],
    });
  });
});

describe('requiredTextCell', () => {
  it('trims a value', () => {
    expect(read(requiredTextCell, ' P-001 ')).toEqual({ value: 'P-001' });
  });

  it('refuses empty and not available', () => {
    expect(read(requiredTextCell, '  ')).toEqual({ issues: ['is required'] });
    expect(read(requiredTextCell, 'NA')).toEqual({ issues: ['is required'] });
  });
});

describe('curpCell', () => {
  it('trims and upper-cases a valid CURP', () => {
    const value = curp('GOMA800101HDFRRN0');
    expect(read(curpCell, ` ${value.toLowerCase()} `)).toEqual({ value });
  });

  it('reads NA as null and refuses a bad check digit', () => {
    expect(read(curpCell, 'NA')).toEqual({ value: null });
    const value = curp('GOMA800101HDFRRN0');
    const wrong = value.slice(0, 17) + String((Number(value[17]) + 1) % 10);
    expect(read(curpCell, wrong)).toEqual({
      issues: ['expected a CURP of 18 characters with a valid check digit'],
    });
  });
});

describe('rfcCell', () => {
  it('upper-cases a valid RFC', () => {
    expect(read(rfcCell, 'xaxx010101000')).toEqual({ value: 'XAXX010101000' });
  });

  it('refuses a malformed RFC', () => {
    expect(read(rfcCell, 'XAXX0101')).toEqual({
      issues: ['expected an RFC of 12 or 13 characters'],
    });
  });
});

describe('numbers a store cannot hold exactly', () => {
  it('refuses a grade too long to be a finite number', () => {
    expect(read(decimalCell, '9'.repeat(400))).toEqual({ issues: ['expected a number'] });
  });

  it('refuses a whole number beyond 2^53', () => {
    expect(read(integerCell, '9007199254740993')).toEqual({ issues: ['expected a whole number'] });
    expect(read(integerCell, '9007199254740991')).toEqual({ value: 9_007_199_254_740_991 });
  });
});
