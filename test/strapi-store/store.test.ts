/**
 * The Strapi store's own behaviour against a real local Strapi: batched
 * lookups, paging, refusals, unique conflicts, OMIT_GET and remembered ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrapiRecordStore, type StrapiRecordStoreOptions } from '@apilados/record-store';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';

let cms: LocalStrapi;

beforeAll(async () => {
  cms = await startStrapi();
}, 900_000);

afterAll(async () => {
  await cms?.stop();
}, 60_000);

const open = (options: Partial<StrapiRecordStoreOptions> = {}) =>
  new StrapiRecordStore({ baseUrl: cms.baseUrl, token: cms.token, ...options });

const people = (from: number, count: number, prefix = 'S') =>
  Array.from({ length: count }, (_, i) => ({ id_externo: `${prefix}-${from + i}` }));

describe('StrapiRecordStore', () => {
  it('creates missing drafts and finds them again without a request', async () => {
    const store = open();

    const first = await store.ensure('participantes', people(1, 120));
    const requestsAfterFirst = store.stats().requests;
    const again = await store.ensure('participantes', people(1, 120));

    expect(first.every((o) => o.ok && o.created)).toBe(true);
    expect(requestsAfterFirst).toBe(2 + 120);
    expect(again).toEqual(first.map((o) => ({ ...o, created: false })));
    expect(store.stats().requests).toBe(requestsAfterFirst);
  }, 120_000);

  it('finds by more than 100 values in batches of at most 100', async () => {
    const store = open();
    const wanted = [...people(1, 120), ...people(500, 30)].map((p) => p.id_externo);

    const found = await store.findBy('participantes', 'id_externo', wanted);

    expect(found.map((e) => e.fields.id_externo).sort()).toEqual(
      people(1, 120).map((p) => p.id_externo).sort(),
    );
    expect(store.stats().requests).toBe(2);
  });

  it('pages through a listing in id order', async () => {
    const store = open({ pageSize: 50 });

    const all = await store.list('participantes');

    expect(all).toHaveLength(120);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
    expect(store.stats().requests).toBe(3);
  });

  it('makes a refused entry that draft\'s failure, with the CMS\'s message', async () => {
    const store = open();
    const [programa] = await store.ensure('programas', [{ nombre: 'Lectura' }]);
    const [implementacion] = await store.ensure('implementaciones', [{
      nombre: 'Grupo A', ciclo_escolar: '2024-2025', periodo: 'Otoño',
      programa: programa?.ok ? programa.id : 0, encuestas: [2, 1],
    }]);
    const implementacionId = implementacion?.ok ? implementacion.id : 0;

    const outcomes = await store.ensure('participaciones', [
      { participante: 999_999, implementacion: implementacionId },
      { participante: 1, implementacion: implementacionId },
    ]);

    expect(outcomes[0]).toEqual({
      ok: false,
      reason: 'participaciones: HTTP 400 ValidationError 1 relation(s) of type ' +
        'api::participante.participante associated with this entity do not exist',
    });
    expect(outcomes[1]).toMatchObject({ ok: true, created: true });
  });

  it('returns links as ids and the many-to-many as sorted ids', async () => {
    const [implementacion] = await open().list('implementaciones');

    expect(implementacion!.fields).toEqual({
      nombre: 'Grupo A', ciclo_escolar: '2024-2025', periodo: 'Otoño',
      programa: 1, encuestas: [1, 2],
    });
  });

  it('gives two stores creating the same new unique key at once the same entry', async () => {
    const [a, b] = [open(), open()];

    const [fromA, fromB] = await Promise.all([
      a.ensure('participantes', [{ id_externo: 'RACE-1' }]),
      b.ensure('participantes', [{ id_externo: 'RACE-1' }]),
    ]);

    expect(fromA[0]!.ok && fromB[0]!.ok).toBe(true);
    expect((fromA[0] as { id: number }).id).toBe((fromB[0] as { id: number }).id);
    expect([fromA[0], fromB[0]].filter((o) => o?.ok && o.created)).toHaveLength(1);
    expect(await open().findBy('participantes', 'id_externo', ['RACE-1'])).toHaveLength(1);
  });

  it('with OMIT_GET only creates, and still finds a unique key that exists', async () => {
    const store = open({ omitGet: true });

    const outcomes = await store.ensure('participantes', [
      { id_externo: 'S-1' },
      { id_externo: 'OMIT-1' },
    ]);

    expect(outcomes[0]).toMatchObject({ ok: true, created: false });
    expect(outcomes[1]).toMatchObject({ ok: true, created: true });
    expect(store.stats().requests).toBe(2 + 1);
  });

  it('reads close link ids ahead as one range once a lookup found every draft', async () => {
    const [implementacion] = await open().list('implementaciones');
    const found = await open().findBy('participantes', 'id_externo',
      people(1, 60).map((p) => p.id_externo));
    const drafts = found.map((p) => ({ participante: p.id, implementacion: implementacion!.id }));
    const written = await open().ensure('participaciones', drafts);
    const reader = open();

    await reader.ensure('participaciones', drafts.slice(0, 20));
    const before = reader.stats().requests;
    const again = [
      ...await reader.ensure('participaciones', drafts.slice(20, 40)),
      ...await reader.ensure('participaciones', drafts.slice(40, 60)),
    ];

    expect(found).toHaveLength(60);
    expect(reader.stats().requests - before).toBe(1);
    expect(again).toEqual(written.slice(20).map((o) => ({ ...o, created: false })));
  });
});
