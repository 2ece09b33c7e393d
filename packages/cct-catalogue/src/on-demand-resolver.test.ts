import { describe, expect, it } from 'vitest';
import { OnDemandCctResolver } from './on-demand-resolver.js';
import type { OnDemandCctResolverOptions } from './on-demand-resolver.js';

function code(n: number): string {
  return `01DJN${String(n).padStart(4, '0')}D`;
}

/** A fake CMS that knows codes 1..999 with id 1000 + n. */
function fakeCms() {
  const calls: string[][] = [];
  const fetchIds = async (claves: string[]) => {
    calls.push([...claves]);
    const found = new Map<string, number>();
    for (const clave of claves) {
      const n = Number(clave.slice(5, 9));
      if (clave.startsWith('01DJN') && n >= 1) found.set(clave, 1000 + n);
    }
    return found;
  };
  return { calls, fetchIds };
}

function resolverWith(options: Partial<OnDemandCctResolverOptions> = {}) {
  const cms = fakeCms();
  const cct = new OnDemandCctResolver({ fetchIds: cms.fetchIds, ...options });
  return { cct, calls: cms.calls };
}

describe('OnDemandCctResolver', () => {
  it('asks the CMS in batches of at most 100 codes by default', async () => {
    const { cct, calls } = resolverWith();
    const codes = Array.from({ length: 250 }, (_, i) => code(i + 1));
    const ids = await cct.resolve(codes);
    expect(calls.map((call) => call.length)).toEqual([100, 100, 50]);
    expect(calls.flat()).toEqual(codes);
    expect(ids.get(code(1))).toBe(1001);
    expect(ids.get(code(250))).toBe(1250);
    expect(cct.mode).toBe('on-demand');
  });

  it('uses the configured batch size', async () => {
    const { cct, calls } = resolverWith({ batchSize: 7 });
    await cct.resolve(Array.from({ length: 50 }, (_, i) => code(i + 1)));
    expect(calls).toHaveLength(8);
    expect(calls.at(-1)).toHaveLength(1);
  });

  it('maps unknown codes to null', async () => {
    const { cct } = resolverWith();
    const ids = await cct.resolve([code(5), '02ABC0001A']);
    expect([...ids]).toEqual([[code(5), 1005], ['02ABC0001A', null]]);
  });

  it('answers repeated codes from the cache without asking again',
    async () => {
      const { cct, calls } = resolverWith();
      await cct.resolve([code(1), code(2)]);
      const ids = await cct.resolve([code(2), code(1)]);
      expect([...ids]).toEqual([[code(2), 1002], [code(1), 1001]]);
      expect(calls).toHaveLength(1);
    });

  it('remembers unknown codes as misses', async () => {
    const { cct, calls } = resolverWith();
    await cct.resolve(['02ABC0001A']);
    const ids = await cct.resolve(['02ABC0001A']);
    expect(ids.get('02ABC0001A')).toBeNull();
    expect(calls).toEqual([['02ABC0001A']]);
  });

  it('asks only for the codes missing from the cache', async () => {
    const { cct, calls } = resolverWith();
    await cct.resolve([code(1), code(2)]);
    await cct.resolve([code(1), code(2), code(3)]);
    expect(calls).toEqual([[code(1), code(2)], [code(3)]]);
  });

  it('never sends malformed codes and normalises spelling', async () => {
    const { cct, calls } = resolverWith();
    const ids = await cct.resolve(['nope', '00DJN0001D', ' 01djn 0001d']);
    expect([...ids]).toEqual([
      ['nope', null], ['00DJN0001D', null], [' 01djn 0001d', 1001],
    ]);
    expect(calls).toEqual([[code(1)]]);
  });

  it('keeps at most the configured number of cached answers', async () => {
    const { cct, calls } = resolverWith({ cacheEntries: 2 });
    await cct.resolve([code(1)]);
    await cct.resolve([code(2)]);
    await cct.resolve([code(3)]); // evicts code 1, the least recent
    await cct.resolve([code(3), code(2)]);
    await cct.resolve([code(1)]);
    expect(calls).toEqual([[code(1)], [code(2)], [code(3)], [code(1)]]);
    expect(cct.stats().entries).toBe(2);
  });

  it('shares a request already in flight with a concurrent call',
    async () => {
      const { cct, calls } = resolverWith({ concurrency: 4 });
      const [first, second] = await Promise.all([
        cct.resolve([code(1), code(2)]),
        cct.resolve([code(2), code(3)]),
      ]);
      expect([...first]).toEqual([[code(1), 1001], [code(2), 1002]]);
      expect([...second]).toEqual([[code(2), 1002], [code(3), 1003]]);
      expect(calls).toEqual([[code(1), code(2)], [code(3)]]);
    });

  it('rejects when the CMS fails and caches nothing for it', async () => {
    let fail = true;
    const calls: string[][] = [];
    const cct = new OnDemandCctResolver({
      fetchIds: async (claves) => {
        calls.push(claves);
        if (fail) throw new Error('CMS unavailable');
        return new Map([[code(1), 7]]);
      },
    });
    await expect(cct.resolve([code(1)])).rejects.toThrow('CMS unavailable');
    fail = false;
    expect((await cct.resolve([code(1)])).get(code(1))).toBe(7);
    expect(calls).toHaveLength(2);
  });

  it('counts lookups, hits, cache hits and requests saved', async () => {
    const { cct } = resolverWith({ batchSize: 2 });
    await cct.resolve([code(1), code(2), code(3), '02ABC0001A', 'nope']);
    await cct.resolve([code(1), code(2), code(3), code(4)]);
    expect(cct.stats()).toEqual({
      mode: 'on-demand',
      lookups: 9,
      hits: 7,
      misses: 2,
      hitRate: 7 / 9,
      cacheHits: 3,
      // 2 requests for 4 codes, then 1 for code 4 instead of 2.
      cmsRequests: 3,
      cmsRequestsSaved: 1,
      entries: 5,
      bytes: 500,
    });
  });

  it('refuses a batch size, cache size or concurrency below 1', () => {
    const fetchIds = async () => new Map<string, number>();
    expect(() => new OnDemandCctResolver({ fetchIds, batchSize: 0 }))
      .toThrow('OnDemandCctResolver batchSize must be a whole number >= 1, ' +
        'got 0');
    expect(() => new OnDemandCctResolver({ fetchIds, cacheEntries: 1.5 }))
      .toThrow('cacheEntries');
    expect(() => new OnDemandCctResolver({ fetchIds, concurrency: 0 }))
      .toThrow('concurrency');
  });
});
