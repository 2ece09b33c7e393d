import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@apilados/domain';
import { LoadStoppedError } from '@apilados/local-runtime';
import { completed, openLocal, type LocalPipeline } from '../support/local.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLE = readFileSync(new URL('../../samples/participaciones.csv', import.meta.url));
const CATALOGUE = readFileSync(new URL('../../samples/ccts_export.csv', import.meta.url), 'utf8');

let dirs: ReturnType<typeof tempDir>[];
let pipelines: LocalPipeline[];

beforeEach(() => {
  dirs = [];
  pipelines = [];
});
afterEach(async () => {
  for (const p of pipelines) await p.close();
  for (const d of dirs) d.remove();
});

async function open(options: Parameters<typeof openLocal>[1]) {
  const dir = tempDir();
  dirs.push(dir);
  const pipeline = await openLocal(dir.path, { catalogue: CATALOGUE, ...options });
  pipelines.push(pipeline);
  return pipeline;
}

const counts = (pipeline: LocalPipeline) =>
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, pipeline.store.countOf(name)]));

describe('writing from a worker thread', () => {
  it('stores exactly what writing on the main thread stores', async () => {
    const main = await open({});
    const thread = await open({ writerThread: true });

    const onMain = completed(await main.load('participaciones.csv', SAMPLE));
    const onThread = completed(await thread.load('participaciones.csv', SAMPLE));

    expect(onThread.detail.rows).toEqual(onMain.detail.rows);
    expect(onThread.detail.created).toEqual(onMain.detail.created);
    expect(counts(thread)).toEqual(counts(main));
    expect(counts(thread).participaciones).toBe(300);
  });

  it('creates nothing when the same file is loaded again', async () => {
    const thread = await open({ writerThread: true });
    completed(await thread.load('participaciones.csv', SAMPLE));

    const again = completed(await thread.load('participaciones.csv', SAMPLE));

    expect(Object.values(again.detail.created).every((n) => n === 0)).toBe(true);
    expect(again.detail.rows.loaded).toBe(300);
  });

  it('stops the load with the reason when its store cannot be opened', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // A folder is not a database file.
    const thread = await open({ writerThread: { sqlitePath: dir.path } });

    const load = thread.load('participaciones.csv', SAMPLE);

    await expect(load).rejects.toThrow(LoadStoppedError);
    await expect(load).rejects.toThrow(
      /load stopped after 0 chunk\(s\): the store's writer thread stopped: .*sqlite:/,
    );
  });
});
