import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLocalDynamo,
  type LocalDynamo,
} from '../../../test/cloud/support/local-dynamo.js';
import { DynamoDbProgressStore } from './dynamodb-progress-store.js';
import { UnknownFileError } from './errors.js';
import type { FileRecord } from './progress-store.js';

let dynamo: LocalDynamo;
let store: DynamoDbProgressStore;
let files = 0;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  await dynamo.createTable('apilados-progress', 'fileId');
  store = new DynamoDbProgressStore({
    client: dynamo.client,
    table: 'apilados-progress',
    now: () => new Date('2025-03-01T10:00:00.000Z'),
  });
});
afterAll(async () => {
  await dynamo.stop();
});

/** A file begun under a new id. */
async function begun(overrides: Partial<FileRecord> = {}): Promise<FileRecord> {
  const record: FileRecord = {
    fileId: `escuela-${++files}`,
    file: { bucket: 'apilados-data', key: 'uploads/escuela.csv', name: 'escuela.csv', size: 120 },
    dryRun: false,
    startedAt: '2025-03-01T09:59:00.000Z',
    ...overrides,
  };
  await store.begin(record);
  return record;
}

describe('DynamoDbProgressStore', () => {
  it('remembers a begun file, and a second begin changes nothing', async () => {
    const record = await begun();

    await store.begin({ ...record, startedAt: '2030-01-01T00:00:00.000Z' });

    expect(await store.get(record.fileId)).toEqual(record);
    expect(await store.get('never-begun')).toBeUndefined();
  });

  it('keeps a file without a bucket', async () => {
    const record = await begun({ file: { key: 'k.csv', name: 'k.csv', size: 1 } });

    expect(await store.get(record.fileId)).toEqual(record);
  });

  it('counts distinct chunks, so a repeated chunk counts once', async () => {
    const { fileId } = await begun();

    await store.markDone(fileId, 1);
    await store.markDone(fileId, 2);
    const state = await store.markDone(fileId, 2);

    expect(state).toEqual({ fileId, expectedChunks: null, doneChunks: 2 });
  });

  it('reports expected and done chunks after setting the expected count', async () => {
    const { fileId } = await begun();
    await store.markDone(fileId, 3);

    const state = await store.setExpected(fileId, 4);

    expect(state).toEqual({ fileId, expectedChunks: 4, doneChunks: 1 });
  });

  it('refuses progress for a file never begun', async () => {
    await expect(store.markDone('ghost', 1)).rejects.toThrow(UnknownFileError);
    await expect(store.setExpected('ghost', 1)).rejects.toThrow(UnknownFileError);
    await expect(store.claimCompletion('ghost')).rejects.toThrow(UnknownFileError);
  });

  it('does not let anyone claim a file with chunks outstanding', async () => {
    const { fileId } = await begun();
    await store.setExpected(fileId, 2);
    await store.markDone(fileId, 1);

    expect(await store.claimCompletion(fileId)).toBeUndefined();
  });

  it('does not let anyone claim a file still being cut', async () => {
    const { fileId } = await begun();
    await store.markDone(fileId, 1);

    expect(await store.claimCompletion(fileId)).toBeUndefined();
  });

  it('lets exactly one caller claim a file whose chunks finish at once', async () => {
    const { fileId } = await begun();
    await store.setExpected(fileId, 8);

    const claims = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map(async (chunk) => {
        const state = await store.markDone(fileId, chunk);
        return state.doneChunks === 8 ? store.claimCompletion(fileId) : undefined;
      }),
    );
    const late = await store.claimCompletion(fileId);

    expect(claims.filter((c) => c !== undefined)).toEqual([
      { fileId, expectedChunks: 8, doneChunks: 8 },
    ]);
    expect(late).toBeUndefined();
  });

  it('lets exactly one of many racing claimers win', async () => {
    const { fileId } = await begun();
    await store.setExpected(fileId, 2);
    await Promise.all([store.markDone(fileId, 1), store.markDone(fileId, 2)]);

    const claims = await Promise.all(
      Array.from({ length: 10 }, () => store.claimCompletion(fileId)),
    );

    expect(claims.filter((c) => c !== undefined)).toHaveLength(1);
  });

  it('completes once when every chunk is delivered twice', async () => {
    const { fileId } = await begun();
    await store.setExpected(fileId, 3);
    const deliveries = [1, 2, 3, 1, 2, 3];

    const claims = await Promise.all(
      deliveries.map(async (chunk) => {
        const state = await store.markDone(fileId, chunk);
        return state.doneChunks >= 3 ? store.claimCompletion(fileId) : undefined;
      }),
    );

    expect(claims.filter((c) => c !== undefined)).toEqual([
      { fileId, expectedChunks: 3, doneChunks: 3 },
    ]);
  });

  it('lets a file of no chunks be claimed once', async () => {
    const { fileId } = await begun();
    await store.setExpected(fileId, 0);

    const first = await store.claimCompletion(fileId);
    const second = await store.claimCompletion(fileId);

    expect(first).toEqual({ fileId, expectedChunks: 0, doneChunks: 0 });
    expect(second).toBeUndefined();
  });
});
