import { describe, expect, it } from 'vitest';
import { estimateCatalogueBytes } from './catalogue-estimate.js';

describe('estimateCatalogueBytes', () => {
  it('assumes 13-byte lines, 16 bytes per entry and a 50 % margin', () => {
    // 9-byte header + 1,000 lines of 13 bytes = 1,000 entries at most.
    expect(estimateCatalogueBytes(9 + 13_000)).toBe(1_000 * 16 * 1.5);
  });

  it('rounds a partial line up to one more entry', () => {
    expect(estimateCatalogueBytes(9 + 14)).toBe(2 * 16 * 1.5);
  });

  it('estimates nothing for an empty file or a lone header', () => {
    expect(estimateCatalogueBytes(0)).toBe(0);
    expect(estimateCatalogueBytes(9)).toBe(0);
  });

  it('stays above the index a typical catalogue builds', () => {
    // 300,000 lines like "123456,01DJN0002D\r\n" (19 bytes), 12 bytes each.
    const estimate = estimateCatalogueBytes(10 + 300_000 * 19);
    expect(estimate).toBe(10_523_088);
    expect(estimate).toBeGreaterThan(300_000 * 12);
  });
});
