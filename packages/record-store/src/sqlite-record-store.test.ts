import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError, UnknownFieldError } from './errors.js';
import { SqliteRecordStore } from './sqlite-record-store.js';

let store: SqliteRecordStore;

beforeEach(() => {
  store = SqliteRecordStore.open(':memory:');
});

afterEach(async () => {
  await store.close();
});

/** Ensures one draft and returns its id, failing the test otherwise. */
async function idOf(
  collection: Parameters<SqliteRecordStore['ensure']>[0],
  draft: Parameters<SqliteRecordStore['ensure']>[1][number],
): Promise<number> {
  const [outcome] = await store.ensure(collection, [draft]);
  if (!outcome?.ok) throw new Error(`ensure failed: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

async function implementation(): Promise<number> {
  const programa = await idOf('programas', { nombre: 'Lectura' });
  return idOf('implementaciones', {
    nombre: 'L-A', ciclo_escolar: '2024-2025', periodo: 'Otoño', programa,
    encuestas: [1, 2],
  });
}

describe('SqliteRecordStore: opening', () => {
  it('seeds both surveys of the CMS', async () => {
    expect(await store.list('encuestas')).toEqual([
      { id: 1, fields: { clave: 'encuesta_inicial' } },
      { id: 2, fields: { clave: 'encuesta_final' } },
    ]);
  });

  it('describes itself by its path', () => {
    expect(store.description).toBe('sqlite::memory:');
    expect(store.stats()).toEqual({ requests: 0 });
  });

  it('keeps entries across a reopen and seeds the surveys once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sqlite-store-'));
    try {
      const path = join(dir, 'nested', 'apilados.db');
      const first = SqliteRecordStore.open(path);
      const [made] = await first.ensure('programas', [{ nombre: 'Lectura' }]);
      await first.close();

      const second = SqliteRecordStore.open(path);
      const [again] = await second.ensure('programas', [{ nombre: 'Lectura' }]);
      const id = (made as { id: number }).id;
      expect(again).toEqual({ ok: true, id, created: false });
      expect(second.countOf('encuestas')).toBe(2);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a path it cannot open as unavailable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sqlite-store-'));
    try {
      await writeFile(join(dir, 'a-file'), 'x');
      const path = join(dir, 'a-file', 'x.db');
      expect(() => SqliteRecordStore.open(path)).toThrow(StoreUnavailableError);
      expect(() => SqliteRecordStore.open(path)).toThrow(
        `record store sqlite:${path} is unavailable:`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteRecordStore: ensure', () => {
  it('creates a missing entry, then finds it by natural key', async () => {
    const first = await store.ensure('programas', [{ nombre: 'Lectura' }]);
    const second = await store.ensure('programas', [{ nombre: 'Lectura' }]);
    expect(first).toEqual([{ ok: true, id: 1, created: true }]);
    expect(second).toEqual([{ ok: true, id: 1, created: false }]);
    expect(store.countOf('programas')).toBe(1);
  });

  it('keeps the first values when the key is found again', async () => {
    await store.ensure('participantes', [{ id_externo: 'P-1', edad: 30 }]);
    await store.ensure('participantes', [{ id_externo: 'P-1', edad: 31 }]);
    expect(await store.list('participantes')).toMatchObject([
      { id: 1, fields: { id_externo: 'P-1', edad: 30 } },
    ]);
  });

  it('gives drafts with the same key in one call the same entry', async () => {
    const outcomes = await store.ensure('programas', [
      { nombre: 'Lectura' }, { nombre: 'Escritura' }, { nombre: 'Lectura' },
    ]);
    expect(outcomes).toEqual([
      { ok: true, id: 1, created: true },
      { ok: true, id: 2, created: true },
      { ok: true, id: 1, created: false },
    ]);
  });

  it('tells apart keys that differ in one field', async () => {
    const impl = await implementation();
    const outcomes = await store.ensure('modulos', [
      { nombre: 'mod1', implementacion: impl },
      { nombre: 'mod2', implementacion: impl },
    ]);
    expect(outcomes.map((o) => o.ok && o.created)).toEqual([true, true]);
  });

  it('fails a draft with a missing link, not the others', async () => {
    const impl = await implementation();
    const person = await idOf('participantes', { id_externo: 'P-1' });
    const outcomes = await store.ensure('participaciones', [
      { participante: person, implementacion: impl },
      { participante: 999, implementacion: impl },
      { participante: person, implementacion: impl },
    ]);
    expect(outcomes).toEqual([
      { ok: true, id: 1, created: true },
      { ok: false, reason: 'participaciones: FOREIGN KEY constraint failed' },
      { ok: true, id: 1, created: false },
    ]);
    expect(store.countOf('participaciones')).toBe(1);
  });

  it('refuses a draft whose key is incomplete, which would duplicate', async () => {
    const impl = await implementation();
    const draft = { nombre: null, implementacion: impl };
    const outcomes = await store.ensure('modulos', [draft, draft]);
    expect(outcomes).toEqual([
      { ok: false, reason: "modulos: key field 'nombre' is empty" },
      { ok: false, reason: "modulos: key field 'nombre' is empty" },
    ]);
    expect(store.countOf('modulos')).toBe(0);
  });

  it('stores booleans, integers, decimals and nulls as given', async () => {
    const impl = await implementation();
    const person = await idOf('participantes', {
      id_externo: 'P-1', edad: 41, lengua_indigena: true, hablante_maya: false,
      nombre: null,
    });
    const part = await idOf('participaciones', {
      participante: person, implementacion: impl,
    });
    const modulo = await idOf('modulos', { nombre: 'mod1', implementacion: impl });
    await idOf('modulo-progreso-registros', {
      participacion: part, modulo, calificacion: 9.75,
    });
    const [entry] = await store.findBy('participantes', 'id_externo', ['P-1']);
    expect(entry?.fields).toMatchObject({
      id_externo: 'P-1', edad: 41, lengua_indigena: true, hablante_maya: false,
      nombre: null, cct: null,
    });
    expect(await store.list('modulo-progreso-registros')).toEqual([
      { id: 1, fields: { participacion: part, modulo, calificacion: 9.75 } },
    ]);
  });
});

describe('SqliteRecordStore: many-to-many encuestas', () => {
  it('links an implementation to both surveys', async () => {
    const impl = await implementation();
    const [entry] = await store.findBy('implementaciones', 'nombre', ['L-A']);
    expect(entry).toEqual({
      id: impl,
      fields: {
        nombre: 'L-A', ciclo_escolar: '2024-2025', periodo: 'Otoño',
        programa: 1, encuestas: [1, 2],
      },
    });
  });

  it('reads no links as an empty list', async () => {
    await idOf('implementaciones', {
      nombre: 'L-B', ciclo_escolar: '2024-2025', periodo: 'A',
    });
    expect((await store.list('implementaciones'))[0]!.fields.encuestas).toEqual([]);
  });

  it('creates neither entry nor links when a survey is missing', async () => {
    const outcomes = await store.ensure('implementaciones', [
      { nombre: 'L-A', ciclo_escolar: '2024', periodo: 'A', encuestas: [1, 77] },
    ]);
    expect(outcomes).toEqual([
      { ok: false, reason: 'implementaciones: FOREIGN KEY constraint failed' },
    ]);
    expect(store.countOf('implementaciones')).toBe(0);
    // A retry with the right surveys creates the entry with every link.
    const retried = await store.ensure('implementaciones', [
      { nombre: 'L-A', ciclo_escolar: '2024', periodo: 'A', encuestas: [1, 2] },
    ]);
    expect(retried).toEqual([{ ok: true, id: expect.any(Number), created: true }]);
    expect((await store.list('implementaciones'))[0]!.fields.encuestas)
      .toEqual([1, 2]);
  });
});

describe('SqliteRecordStore: findBy and list', () => {
  it('finds entries by any of more than 500 values', async () => {
    const drafts = Array.from({ length: 1234 }, (_, i) => ({
      id_externo: `P-${i}`,
    }));
    await store.ensure('participantes', drafts);
    const wanted = [...drafts.map((d) => d.id_externo), 'P-unknown'];
    const found = await store.findBy('participantes', 'id_externo', wanted);
    expect(found).toHaveLength(1234);
    expect(new Set(found.map((e) => e.fields.id_externo)).size).toBe(1234);
  });

  it('returns each entry once when a value is asked for twice', async () => {
    await store.ensure('programas', [{ nombre: 'Lectura' }]);
    const values = Array.from({ length: 600 }, () => 'Lectura');
    expect(await store.findBy('programas', 'nombre', values)).toEqual([
      { id: 1, fields: { nombre: 'Lectura' } },
    ]);
  });

  it('finds by a relation id', async () => {
    const impl = await implementation();
    await store.ensure('modulos', [
      { nombre: 'mod1', implementacion: impl },
      { nombre: 'mod2', implementacion: impl },
    ]);
    const found = await store.findBy('modulos', 'implementacion', [impl]);
    expect(found.map((e) => e.fields.nombre)).toEqual(['mod1', 'mod2']);
  });

  it('finds nothing for no values', async () => {
    expect(await store.findBy('programas', 'nombre', [])).toEqual([]);
  });

  it('refuses a field the collection does not have', async () => {
    await expect(store.findBy('programas', 'clave', ['x'])).rejects.toThrow(
      new UnknownFieldError('programas', 'clave'));
    await expect(store.findBy('programas', 'constructor', ['x'])).rejects
      .toBeInstanceOf(UnknownFieldError);
    await expect(store.findBy('implementaciones', 'encuestas', [1])).rejects
      .toBeInstanceOf(UnknownFieldError);
  });

  it('lists a collection in id order', async () => {
    await store.ensure('programas', [{ nombre: 'B' }, { nombre: 'A' }]);
    expect(await store.list('programas')).toEqual([
      { id: 1, fields: { nombre: 'B' } },
      { id: 2, fields: { nombre: 'A' } },
    ]);
  });
});

describe('SqliteRecordStore: importCatalogue', () => {
  it('adds catalogue entries with their CMS ids', async () => {
    const added = store.importCatalogue('ccts', [
      { id: 501, clave: '01DJN0002D' }, { id: 9000, clave: '32EPR9999Z' },
    ]);
    expect(added).toBe(2);
    expect(await store.findBy('ccts', 'clave', ['32EPR9999Z'])).toEqual([
      { id: 9000, fields: { clave: '32EPR9999Z' } },
    ]);
  });

  it('keeps existing entries when imported again', async () => {
    store.importCatalogue('ccts', [{ id: 501, clave: '01DJN0002D' }]);
    const added = store.importCatalogue('ccts', [
      { id: 501, clave: '01DJN0002D' }, { id: 777, clave: '01DJN0002D' },
      { id: 502, clave: '09DPR0001A' },
    ]);
    expect(added).toBe(1);
    expect(await store.list('ccts')).toEqual([
      { id: 501, fields: { clave: '01DJN0002D' } },
      { id: 502, fields: { clave: '09DPR0001A' } },
    ]);
  });

  it('makes the imported ids valid link targets', async () => {
    store.importCatalogue('ccts', [{ id: 501, clave: '01DJN0002D' }]);
    const outcomes = await store.ensure('participantes', [
      { id_externo: 'P-1', cct: 501 }, { id_externo: 'P-2', cct: 502 },
    ]);
    expect(outcomes).toEqual([
      { ok: true, id: 1, created: true },
      { ok: false, reason: 'participantes: FOREIGN KEY constraint failed' },
    ]);
  });

  it('keeps the seeded survey ids when the CMS export has others', async () => {
    store.importCatalogue('encuestas', [{ id: 40, clave: 'encuesta_inicial' }]);
    expect(await store.findBy('encuestas', 'clave', ['encuesta_inicial']))
      .toEqual([{ id: 1, fields: { clave: 'encuesta_inicial' } }]);
  });
});

describe('SqliteRecordStore: ping and close', () => {
  it('answers a ping while open and refuses once closed', async () => {
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});
