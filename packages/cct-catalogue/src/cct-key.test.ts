import { describe, expect, it } from 'vitest';
import { cctToKey, keyToCct } from './cct-key.js';

describe('cctToKey', () => {
  it('reads state, kind, number and check letter as one number', () => {
    // ((((1 × 26 + D) × 26 + J) × 26 + N) × 10⁴ + 0002) × 26 + D
    expect(cctToKey('01DJN0002D')).toBe(5_161_260_055);
    expect(cctToKey('01AAA0000A')).toBe(26 ** 3 * 10_000 * 26);
  });

  it('keeps the largest code below 2^53', () => {
    const key = cctToKey('32ZZZ9999Z');
    expect(key).toBe(33 * 26 ** 3 * 10_000 * 26 - 1);
    expect(Number.isSafeInteger(key)).toBe(true);
  });

  it('orders keys as the codes sort alphabetically', () => {
    const codes = ['02AAA0000A', '01DJN0002D', '01DJN0002C', '01DJM9999Z'];
    const byKey = [...codes].sort((a, b) => cctToKey(a)! - cctToKey(b)!);
    expect(byKey).toEqual([...codes].sort());
  });

  it('returns undefined for malformed codes', () => {
    for (const code of ['', '01DJN0002', '00DJN0002D', '33DJN0002D',
      '01D1N0002D', '01DJN00O2D', '01DJN00024', '01djn0002d']) {
      expect(cctToKey(code)).toBeUndefined();
    }
  });
});

describe('keyToCct', () => {
  it('turns a key back into its code', () => {
    for (const code of ['01DJN0002D', '32ZZZ9999Z', '15EPR0420K']) {
      expect(keyToCct(cctToKey(code)!)).toBe(code);
    }
  });
});
