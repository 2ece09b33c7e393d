/**
 * The Strapi store and the embedded SQLite store, driven by the same
 * pipeline with the same files, hold the same entity graph: same entries,
 * same values, same links (ids replaced by natural keys).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCounts } from '@apilados/domain';
import type { LoadResult } from '@apilados/local-runtime';
import { runCli } from '../support/cli.js';
import { completed, openLocal, type LocalPipeline } from '../support/local.js';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';
import { tempDir } from '../support/temp-dir.js';
import { countsOf, entityGraph } from './support/entity-graph.js';
import {
  KNOWN_CCTS,
  catalogueCsv,
  participationsCsv,
  range,
} from './support/participations.js';
import { seedCcts } from './support/seed-ccts.js';
import { openStrapiPipeline, type StrapiPipeline } from './support/strapi-pipeline.js';

const LOAD_MS = 300_000;

let cms: LocalStrapi;
let dir: ReturnType<typeof tempDir>;
let sqlite: LocalPipeline;
let strapi: StrapiPipeline;

beforeAll(async () => {
  cms = await startStrapi();
  await seedCcts(cms, KNOWN_CCTS);
  dir = tempDir('apilados-contract-');
  sqlite = await openLocal(dir.path, { catalogue: catalogueCsv() });
  strapi = await openStrapiPipeline(dir.path, { baseUrl: cms.baseUrl, token: cms.token });
}, 900_000);

afterAll(async () => {
  await sqlite?.close();
  await cms?.stop();
  dir?.remove();
}, 60_000);

/** Loads `text` into both stores; returns both results. */
async function loadBoth(name: string, text: string) {
  const embedded = completed(await sqlite.load(name, text));
  const cmsResult = completed(await strapi.load(name, text));
  return { embedded, cms: cmsResult };
}

const report = (result: LoadResult & { status: 'completed' }) =>
  result.reportPath ? readFileSync(result.reportPath, 'utf8') : '';

describe('the Strapi store and the embedded store agree', () => {
  it('load a first file into the same entity graph', async () => {
    const { embedded, cms: loaded } = await loadBoth('first.csv', participationsCsv(range(1, 24)));

    expect(loaded.detail.rows).toEqual({ read: 30, loaded: 30, failed: 0, warnings: 5 });
    expect(loaded.detail.rows).toEqual(embedded.detail.rows);
    expect(loaded.detail.created).toEqual(embedded.detail.created);
    expect(report(loaded)).toBe(report(embedded));
    const graph = await entityGraph(strapi.store);
    expect(graph).toEqual(await entityGraph(sqlite.store));
    expect(countsOf(graph)).toEqual({
      ...emptyCounts(),
      ccts: 4, encuestas: 2, programas: 2, implementaciones: 2,
      modulos: 4, asistencias: 4, trabajos: 2,
      participantes: 24, participaciones: 30, 'correo-participantes': 27,
      'uso-app-participantes': 20, 'modulo-progreso-registros': 50,
      'encuesta-completada-registros': 42,
      'participante-asistencia-registros': 34, 'trabajo-realizado-registros': 24,
    });
  }, LOAD_MS);

  it('links known CCTs and leaves unknown and malformed ones empty', async () => {
    const people = await strapi.store.findBy('participantes', 'id_externo', ['P-1', 'P-7', 'P-11']);
    const ccts = new Map((await strapi.store.list('ccts')).map((e) => [e.id, e.fields.clave]));

    const links = people
      .map((p) => [p.fields.id_externo, p.fields.cct === null ? null : ccts.get(p.fields.cct as number)])
      .sort();

    expect(links).toEqual([['P-1', '02DPR0001A'], ['P-11', null], ['P-7', null]]);
  });

  it('create nothing when the same file is loaded again', async () => {
    const { embedded, cms: loaded } = await loadBoth('first.csv', participationsCsv(range(1, 24)));

    expect(loaded.detail.created).toEqual(emptyCounts());
    expect(embedded.detail.created).toEqual(emptyCounts());
    expect(loaded.detail.rows.loaded).toBe(30);
    expect(await entityGraph(strapi.store)).toEqual(await entityGraph(sqlite.store));
  }, LOAD_MS);

  it('add only what an overlapping file brings, new addresses not principal', async () => {
    const { embedded, cms: loaded } = await loadBoth('overlap.csv', participationsCsv(range(17, 32), 1));

    expect(loaded.detail.created).toEqual(embedded.detail.created);
    expect(loaded.detail.created.participantes).toBe(8);
    expect(loaded.detail.created['correo-participantes']).toBe(10);
    const graph = await entityGraph(strapi.store);
    expect(graph).toEqual(await entityGraph(sqlite.store));
    const principals = graph['correo-participantes']
      .filter((e) => e.participante === '(id_externo="P-24")')
      .map((e) => [e.correo, e.principal]);
    expect(principals).toEqual([
      ['p24.b0@example.mx', false],
      ['p24.b1@example.mx', false],
      ['p24@example.mx', true],
    ]);
  }, LOAD_MS);
});

describe('apilados ingest --strapi', () => {
  it('loads into the CMS with the token from STRAPI_TOKEN and counts its requests', async () => {
    const file = join(dir.path, 'cli.csv');
    writeFileSync(file, participationsCsv(range(40, 42)));

    const run = await runCli(
      ['ingest', file, '--strapi', cms.baseUrl, '--db', join(dir.path, 'cli', 'x.db'), '--json'],
      { STRAPI_TOKEN: cms.token },
    );

    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.store).toBe(`strapi:${cms.baseUrl}`);
    expect(summary.rows).toEqual({ read: 4, loaded: 4, failed: 0, warnings: 1 });
    expect(summary.created.participantes).toBe(3);
    expect(summary.requests.total).toBeGreaterThan(30);
    expect(summary.requests.perRow).toBe(Math.round((summary.requests.total / 4) * 1000) / 1000);
    expect(run.stdout + run.stderr).not.toContain(cms.token);
  }, LOAD_MS);
});
