import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue-loader.js';
import { PreloadedCctResolver } from './preloaded-resolver.js';

async function resolver(batchSize?: number) {
  const { index } = await loadCatalogue(Readable.from([
    'id,clave\n1,01DJN0002D\n2,02ABC0001A\n3,32ZZZ9999Z\n',
  ]));
  return new PreloadedCctResolver(index, batchSize ? { batchSize } : {});
}

describe('PreloadedCctResolver', () => {
  it('maps known codes to ids and unknown codes to null', async () => {
    const cct = await resolver();
    expect(cct.mode).toBe('preloaded');
    const ids = await cct.resolve(['01DJN0002D', '05XYZ0001A', '32ZZZ9999Z']);
    expect([...ids]).toEqual([
      ['01DJN0002D', 1], ['05XYZ0001A', null], ['32ZZZ9999Z', 3],
    ]);
  });

  it('maps malformed codes to null and keys results as given', async () => {
    const cct = await resolver();
    const ids = await cct.resolve(['01djn0002d', '00ABC0001A', 'nope']);
    expect([...ids]).toEqual([
      ['01djn0002d', 1], ['00ABC0001A', null], ['nope', null],
    ]);
  });

  it('counts lookups, hits and the CMS requests it saves', async () => {
    const cct = await resolver(2);
    await cct.resolve(['01DJN0002D', '02ABC0001A', '05XYZ0001A', 'nope']);
    await cct.resolve(['01DJN0002D', '01DJN0002D']);
    expect(cct.stats()).toEqual({
      mode: 'preloaded',
      lookups: 5,
      hits: 3,
      misses: 2,
      hitRate: 0.6,
      cacheHits: 0,
      cmsRequests: 0,
      // 3 well-formed codes in batches of 2, then 1 code.
      cmsRequestsSaved: 3,
      entries: 3,
      bytes: 36,
    });
  });

  it('reports a zero hit rate before any lookup', async () => {
    expect((await resolver()).stats().hitRate).toBe(0);
  });
});
