/**
 * Writers sharing one Strapi store at the same time (two loads at once,
 * or one file's chunks in parallel) never create an entry twice, even for
 * compound keys the CMS itself cannot keep unique, and miss none.
 *
 * The stores are compared on their natural keys (links included): values
 * decided by the first row that asks for an entry, such as which address
 * of a person is principal, depend on which chunk gets there first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrapiRecordStore } from '@apilados/record-store';
import { completed, openLocal, type LocalPipeline } from '../support/local.js';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';
import { tempDir } from '../support/temp-dir.js';
import { duplicateKeys, keyGraph } from './support/entity-graph.js';
import {
  KNOWN_CCTS,
  catalogueCsv,
  participationsCsv,
  range,
} from './support/participations.js';
import { seedCcts } from './support/seed-ccts.js';
import { openStrapiPipeline } from './support/strapi-pipeline.js';

const LOAD_MS = 600_000;

let cms: LocalStrapi;
let dir: ReturnType<typeof tempDir>;
let reference: LocalPipeline;
let direct: StrapiRecordStore;

beforeAll(async () => {
  cms = await startStrapi();
  await seedCcts(cms, KNOWN_CCTS);
  dir = tempDir('apilados-concurrency-');
  reference = await openLocal(dir.path, { catalogue: catalogueCsv() });
  direct = new StrapiRecordStore({ baseUrl: cms.baseUrl, token: cms.token });
}, 900_000);

afterAll(async () => {
  await reference?.close();
  await cms?.stop();
  dir?.remove();
}, 60_000);

/** People in blocks of four, each block twice: 1-4, 1-4, 5-8, 5-8, … */
function repeatedInBlocks(from: number, to: number): number[] {
  const people: number[] = [];
  for (let start = from; start <= to; start += 4) {
    const block = range(start, Math.min(start + 3, to));
    people.push(...block, ...block);
  }
  return people;
}

describe('concurrent writers through one store', () => {
  it('two loads at once over files that share people leave every key once', async () => {
    const first = participationsCsv(range(1, 20));
    const second = participationsCsv(range(11, 30));
    completed(await reference.load('first.csv', first));
    completed(await reference.load('second.csv', second));
    const store = new StrapiRecordStore({ baseUrl: cms.baseUrl, token: cms.token });
    const [a, b] = await Promise.all([
      openStrapiPipeline(dir.path, { baseUrl: cms.baseUrl, token: cms.token, store }),
      openStrapiPipeline(dir.path, { baseUrl: cms.baseUrl, token: cms.token, store }),
    ]);

    const [resultA, resultB] = await Promise.all([
      a.load('first.csv', first),
      b.load('second.csv', second),
    ]);

    expect(completed(resultA).detail.rows.failed).toBe(0);
    expect(completed(resultB).detail.rows.failed).toBe(0);
    expect(await duplicateKeys(direct)).toEqual({});
    const keys = await keyGraph(direct);
    expect(keys).toEqual(await keyGraph(reference.store));
    expect(keys.participantes).toHaveLength(30);
  }, LOAD_MS);

  it('one file in chunks of three persisted four at a time leaves every key once', async () => {
    const text = participationsCsv(repeatedInBlocks(41, 64));
    completed(await reference.load('chunks.csv', text));
    const pipeline = await openStrapiPipeline(dir.path, {
      baseUrl: cms.baseUrl,
      token: cms.token,
      env: { CHUNK_SIZE: '3', PROCESS_MODE: 'parallel' },
      persistenceConcurrency: 4,
    });

    const result = completed(await pipeline.load('chunks.csv', text));

    expect(result.detail.chunks).toBe(20);
    expect(result.detail.rows.failed).toBe(0);
    expect(await duplicateKeys(direct)).toEqual({});
    const keys = await keyGraph(direct);
    expect(keys).toEqual(await keyGraph(reference.store));
    expect(keys.participantes).toHaveLength(54);
  }, LOAD_MS);
});
