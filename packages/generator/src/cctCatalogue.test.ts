import { describe, expect, it } from 'vitest';
import {
  catalogueFor,
  computedCatalogue,
  defaultCatalogueSize,
  listedCatalogue,
} from './cctCatalogue.js';
import { cctCodeAt } from './cctCode.js';
import { GeneratorOptionError } from './errors.js';
import { isWellFormedCct } from './testing/isWellFormedCct.js';
import { Random } from './random.js';

const codes = (size: number, seed = 1) => {
  const catalogue = computedCatalogue(seed, size);
  return Array.from({ length: size }, (_, i) => catalogue.codeAt(i));
};

describe('cctCodeAt', () => {
  it('lays out state, kind, number and letter', () => {
    expect(cctCodeAt(0)).toBe('01DJN0001V');
    expect(cctCodeAt(1)).toBe('02DJN0001Z');
    expect(cctCodeAt(32)).toBe('01DPR0001H');
  });
});

describe('computedCatalogue', () => {
  it('holds distinct well-formed codes', () => {
    const all = codes(20_000);
    expect(new Set(all).size).toBe(20_000);
    expect(all.every(isWellFormedCct)).toBe(true);
  });

  it('covers all 32 states', () => {
    const states = new Set(codes(2_000).map((code) => code.slice(0, 2)));
    expect(states.size).toBe(32);
  });

  it('gives the same codes for the same seed and others for another', () => {
    expect(codes(50, 3)).toEqual(codes(50, 3));
    expect(codes(50, 3)).not.toEqual(codes(50, 4));
  });

  it('draws unknown codes that are well-formed and not in it', () => {
    const catalogue = computedCatalogue(1, 500);
    const known = new Set(codes(500));
    const random = new Random(1);
    const unknown = Array.from({ length: 200 }, () =>
      catalogue.unknownCode(random));
    expect(unknown.filter((code) => known.has(code))).toEqual([]);
    expect(unknown.every(isWellFormedCct)).toBe(true);
  });

  it('rejects a size of zero', () => {
    expect(() => computedCatalogue(1, 0)).toThrow(GeneratorOptionError);
  });
});

describe('listedCatalogue', () => {
  it('draws only listed codes and unknown codes outside the list', () => {
    const listed = ['31DPR0001A', '31DPR0002B', '04EES0003C'];
    const catalogue = listedCatalogue(listed);
    const random = new Random(2);
    const picks = new Set(Array.from({ length: 50 }, () =>
      catalogue.pick(random)));
    expect([...picks].sort()).toEqual([...listed].sort());
    expect(listed).not.toContain(catalogue.unknownCode(random));
  });

  it('rejects an empty list', () => {
    expect(() => listedCatalogue([])).toThrow(GeneratorOptionError);
  });
});

describe('catalogueFor', () => {
  it('defaults to max(200, rows / 2) entries', () => {
    expect(defaultCatalogueSize(300)).toBe(200);
    expect(defaultCatalogueSize(1_000_001)).toBe(500_001);
    expect(catalogueFor(undefined, 10_000, 1).size).toBe(5_000);
  });
});
