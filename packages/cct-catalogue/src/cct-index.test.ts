import { describe, expect, it } from 'vitest';
import { CctIndex } from './cct-index.js';
import { cctToKey } from './cct-key.js';

function indexOf(entries: [string, number][]): CctIndex {
  const sorted = entries
    .map(([code, id]) => [cctToKey(code)!, id] as const)
    .sort((a, b) => a[0] - b[0]);
  return new CctIndex(
    Float64Array.from(sorted, ([key]) => key),
    Uint32Array.from(sorted, ([, id]) => id),
  );
}

describe('CctIndex', () => {
  const index = indexOf([
    ['01DJN0002D', 11], ['32ZZZ9999Z', 12], ['15EPR0420K', 13],
    ['01AAA0000A', 14],
  ]);

  it('finds every entry, first and last included', () => {
    expect(index.get('01AAA0000A')).toBe(14);
    expect(index.get('01DJN0002D')).toBe(11);
    expect(index.get('15EPR0420K')).toBe(13);
    expect(index.get('32ZZZ9999Z')).toBe(12);
  });

  it('normalises the code it is given', () => {
    expect(index.get(' 01djn 0002d')).toBe(11);
  });

  it('answers undefined for unknown and malformed codes', () => {
    expect(index.get('01DJN0002E')).toBeUndefined();
    expect(index.get('00AAA0000A')).toBeUndefined();
    expect(index.get('01DJN')).toBeUndefined();
  });

  it('reports its size and the bytes of its arrays', () => {
    expect(index.size).toBe(4);
    expect(index.byteSize).toBe(4 * 8 + 4 * 4);
  });

  it('works when empty', () => {
    const empty = new CctIndex(new Float64Array(0), new Uint32Array(0));
    expect(empty.size).toBe(0);
    expect(empty.get('01DJN0002D')).toBeUndefined();
  });

  it('refuses keys that are not strictly ascending', () => {
    expect(() => new CctIndex(Float64Array.of(2, 2), Uint32Array.of(1, 2)))
      .toThrow('CctIndex keys must be strictly ascending, position 1 is not');
  });

  it('refuses a different number of ids and keys', () => {
    expect(() => new CctIndex(Float64Array.of(1), new Uint32Array(0)))
      .toThrow('CctIndex needs as many ids as keys, got 0 ids for 1 keys');
  });
});
