import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StrapiRecordStore } from './strapi-record-store.js';

let server: Server | undefined;
let seen: string[] = [];

type Entry = Record<string, unknown>;

/** Participacion 1000 + p: participante p in implementacion 1. */
const participacion = (p: number): Entry =>
  ({ id: 1000 + p, participante: { id: p }, implementacion: { id: 1 } });

/**
 * A loopback CMS whose collection holds one entry (`entry(p)`) for each
 * participante p from 1 to 40; it filters on `participante` by `$in` list
 * or by `$gte`/`$lte` range, and answers a create with id 2000.
 */
async function cms(entry: (p: number) => Entry = participacion): Promise<string> {
  seen = [];
  server = createServer((req, res) => {
    seen.push(`${req.method} ${decodeURIComponent(req.url!)}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'POST' ? 201 : 200,
        { 'Content-Type': 'application/json' });
      if (req.method === 'POST') {
        res.end(JSON.stringify({ data: { id: 2000 } }));
        return;
      }
      const query = new URL(req.url!, 'http://cms').searchParams;
      const name = 'filters[participante][id]';
      const listed = [...query].filter(([k]) => k.startsWith(`${name}[$in]`))
        .map(([, v]) => Number(v));
      const lo = Number(query.get(`${name}[$gte]`) ?? -Infinity);
      const hi = Number(query.get(`${name}[$lte]`) ?? Infinity);
      const data = Array.from({ length: 40 }, (_, i) => i + 1)
        .filter((p) => listed.length > 0 ? listed.includes(p) : lo <= p && p <= hi)
        .map(entry);
      res.end(JSON.stringify({ data, meta: { pagination: { pageSize: 1000 } } }));
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  server = undefined;
});

const drafts = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    participante: from + i,
    implementacion: 1,
  }));
const select = 'populate[participante][fields][0]=id' +
  '&populate[implementacion][fields][0]=id&fields[0]=id' +
  '&sort[0]=id:asc&pagination[page]=1&pagination[pageSize]=1000' +
  '&pagination[withCount]=false';

describe('StrapiRecordStore lookups on a link field', () => {
  it('asks by value until a lookup found nearly every draft, then reads ahead', async () => {
    const store = new StrapiRecordStore({ baseUrl: await cms(), token: 't' });

    await store.ensure('participaciones', drafts(1, 10));
    const second = await store.ensure('participaciones', drafts(11, 20));

    expect(seen).toEqual([
      'GET /api/participaciones?' +
        Array.from({ length: 10 }, (_, i) =>
          `filters[participante][id][$in][${i}]=${i + 1}&`).join('') + select,
      'GET /api/participaciones?filters[participante][id][$gte]=11' +
        `&filters[participante][id][$lte]=810&${select}`,
    ]);
    expect(second).toEqual(drafts(11, 20).map((d) =>
      ({ ok: true, id: 1000 + d.participante, created: false })));
  });

  it('answers drafts inside a range read ahead without asking again', async () => {
    const store = new StrapiRecordStore({ baseUrl: await cms(), token: 't' });
    await store.ensure('participaciones', drafts(1, 10));
    await store.ensure('participaciones', drafts(11, 20));
    seen = [];

    const found = await store.ensure('participaciones', drafts(21, 40));
    const [fresh] = await store.ensure('participaciones',
      [{ participante: 41, implementacion: 1 }]);

    expect(found).toEqual(drafts(21, 40).map((d) =>
      ({ ok: true, id: 1000 + d.participante, created: false })));
    expect(fresh).toEqual({ ok: true, id: 2000, created: true });
    expect(seen).toEqual(['POST /api/participaciones']);
  });

  it('keeps asking by value while lookups find few drafts', async () => {
    const store = new StrapiRecordStore({ baseUrl: await cms(), token: 't' });

    await store.ensure('participaciones', drafts(41, 50).slice(0, 1));
    seen = [];
    await store.ensure('participaciones', drafts(30, 39));

    expect(seen).toEqual(['GET /api/participaciones?' +
      Array.from({ length: 10 }, (_, i) =>
        `filters[participante][id][$in][${i}]=${30 + i}&`).join('') + select]);
  });
});

const correo = (p: number): Entry => ({
  id: 3000 + p, participante: { id: p }, correo: `p${p}@example.org`, principal: true,
});
const stored = (p: number) => ({
  id: 3000 + p,
  fields: { participante: p, correo: `p${p}@example.org`, principal: true },
});
const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('StrapiRecordStore.findBy on a link field', () => {
  it('reads ahead once lookups find nearly every id, and answers from the range', async () => {
    const store = new StrapiRecordStore({ baseUrl: await cms(correo), token: 't' });
    const fields = 'populate[participante][fields][0]=id&fields[0]=correo&fields[1]=principal' +
      '&sort[0]=id:asc&pagination[page]=1&pagination[pageSize]=1000&pagination[withCount]=false';

    await store.findBy('correo-participantes', 'participante', ids(1, 10));
    const second = await store.findBy('correo-participantes', 'participante', ids(11, 20));
    const third = await store.findBy('correo-participantes', 'participante', [...ids(21, 25), 3]);

    expect(seen).toEqual([
      'GET /api/correo-participantes?' +
        ids(1, 10).map((p, i) => `filters[participante][id][$in][${i}]=${p}&`).join('') + fields,
      'GET /api/correo-participantes?filters[participante][id][$gte]=11' +
        `&filters[participante][id][$lte]=810&${fields}`,
    ]);
    expect(second).toEqual(ids(11, 20).map(stored));
    expect(third).toEqual([3, ...ids(21, 25)].map(stored));
  });

  it('includes in its answers from memory the entries this store created', async () => {
    const store = new StrapiRecordStore({ baseUrl: await cms(correo), token: 't' });
    await store.findBy('correo-participantes', 'participante', ids(1, 10));
    await store.findBy('correo-participantes', 'participante', ids(11, 20));
    seen = [];

    const [made] = await store.ensure('correo-participantes',
      [{ participante: 41, correo: 'new@example.org', principal: false }]);
    const found = await store.findBy('correo-participantes', 'participante', [40, 41]);

    expect(made).toEqual({ ok: true, id: 2000, created: true });
    expect(found).toEqual([
      { id: 2000, fields: { participante: 41, correo: 'new@example.org', principal: false } },
      stored(40),
    ]);
    expect(seen).toEqual(['POST /api/correo-participantes']);
  });
});

describe('StrapiRecordStore refusals', () => {
  it('asks whether --ccts is the CMS\'s own export when a CCT link is refused', async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method === 'POST') {
          res.writeHead(400, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ data: null, error: { status: 400, name: 'ValidationError',
            message: '1 relation(s) of type api::cct.cct associated with this entity do not exist' } }));
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ data: [], meta: { pagination: { page: 1, pageCount: 1 } } }));
      });
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const baseUrl = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    const store = new StrapiRecordStore({ baseUrl, token: 't', retryAttempts: 0 });

    const [outcome] = await store.ensure('participantes', [{ id_externo: 'P-1', cct: 99 }]);

    expect(outcome).toEqual({
      ok: false,
      reason: 'participantes: HTTP 400 ValidationError 1 relation(s) of type api::cct.cct ' +
        'associated with this entity do not exist (is the CCT catalogue given with ' +
        '--ccts this CMS\'s own export?)',
    });
  });
});
