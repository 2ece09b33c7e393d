import { describe, expect, it } from 'vitest';
import { keys } from './payloads.js';

describe('keys', () => {
  it('keeps everything of one load under work/<fileId>/', () => {
    expect(keys.work('f-1')).toBe('work/f-1/');
    expect(keys.chunk('f-1', 7)).toBe('work/f-1/chunks/000007.json');
    expect(keys.schools('f-1', 7)).toBe('work/f-1/schools/000007.json');
    expect(keys.lookup('f-1', 7)).toBe('work/f-1/lookups/000007.json');
    expect(keys.outcomes('f-1', 123456)).toBe('work/f-1/outcomes/123456.json');
    for (const key of [keys.chunk('f-1', 1), keys.schools('f-1', 1), keys.outcomes('f-1', 1)]) {
      expect(key.startsWith(keys.work('f-1'))).toBe(true);
    }
  });

  it('sorts chunk keys in chunk order', () => {
    const sorted = [10, 9, 100, 1].map((n) => keys.chunk('f', n)).sort();
    expect(sorted).toEqual([1, 9, 10, 100].map((n) => keys.chunk('f', n)));
  });

  it('puts reports outside the work folder', () => {
    expect(keys.report('f-1')).toBe('reports/f-1.csv');
  });
});
