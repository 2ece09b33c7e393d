import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHeader } from '@apilados/domain';
import { S3ObjectStore } from '@apilados/object-store/s3';
import {
  ChunkEnriched,
  createEvent,
  keys,
  type ChunkPayload,
  type LookupPayload,
  type OutcomePayload,
} from '@apilados/events';
import { HEADERS, row } from '../../../test/support/csv-text.js';
import {
  BUCKET,
  startCloudHarness,
  type CloudHarness,
} from '../../../test/cloud/support/cloud-harness.js';
import {
  captureStdout,
  type CapturedOutput,
} from '../../../test/cloud/support/captured-output.js';
import {
  eventBridgeEnvelope,
  fakeLambdaContext,
} from '../../../test/cloud/support/lambda-events.js';
import { createPersistenceHandler } from './cloud-persistence.js';

let harness: CloudHarness;
let objects: S3ObjectStore;
let output: CapturedOutput;

beforeAll(async () => {
  harness = await startCloudHarness();
  objects = new S3ObjectStore({ client: harness.s3.client, bucket: BUCKET });
});
afterAll(async () => {
  await harness.stop();
});
afterEach(() => output?.restore());

/** Stores chunk `chunk` of `fileId` with two people, and its CCT lookup. */
async function storedChunk(fileId: string, chunk: number) {
  const payload: ChunkPayload = {
    fileId,
    chunk,
    fileName: 'escuela.csv',
    columns: HEADERS.map(normaliseHeader),
    records: [
      { row: 2, cells: row({ ID: `${fileId}-A` }) },
      { row: 3, cells: row({ ID: `${fileId}-B`, Email: 'b@example.mx' }) },
    ],
  };
  const lookup: LookupPayload = { fileId, chunk, cctIds: {}, issues: [] };
  await objects.putJson(keys.chunk(fileId, chunk), payload);
  await objects.putJson(keys.lookup(fileId, chunk), lookup);
  return createEvent(ChunkEnriched, {
    fileId,
    chunk,
    rowsKey: keys.chunk(fileId, chunk),
    lookupKey: keys.lookup(fileId, chunk),
    rowCount: 2,
    dryRun: false,
    cct: { mode: 'none', resolved: 0, unknown: 0, malformed: 0 },
  });
}

describe('the persistence function', () => {
  it('writes an enriched chunk and announces Chunk Persisted', async () => {
    const handler = createPersistenceHandler(harness.context);
    const event = await storedChunk('escuela-1', 1);
    output = captureStdout();

    const answer = await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    expect(answer).toEqual({
      status: 'done', detailType: 'Chunk Enriched', fileId: 'escuela-1', chunk: 1,
    });
    const persisted = harness.published.filter((e) => e['detail-type'] === 'Chunk Persisted');
    expect(persisted).toHaveLength(1);
    expect(persisted[0]!.detail).toMatchObject({
      fileId: 'escuela-1',
      chunk: 1,
      outcomesKey: 'work/escuela-1/outcomes/000001.json',
      rows: { read: 2, loaded: 2, failed: 0, warnings: 0 },
    });
    expect(harness.store.countOf('participantes')).toBe(2);
    expect(output.metric('RowsLoaded')).toEqual([2]);
    expect(output.metric('RowsFailed')).toEqual([0]);
    expect(output.metric('CmsRequests')).toEqual([0]);
    expect(output.namespaces()).toEqual(['Apilados/Pipeline/Test']);
  });

  it('puts fileId and chunk on every log line and never a person\'s data', async () => {
    const handler = createPersistenceHandler(harness.context);
    const event = await storedChunk('escuela-2', 3);
    output = captureStdout();

    await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    const logs = output.records().filter((r) => 'level' in r);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((l) => l.fileId === 'escuela-2' && l.chunk === 3)).toBe(true);
    expect(logs.every((l) => l.function_name === 'apilados-test-function')).toBe(true);
    expect(output.lines.some((l) => l.includes('example.mx'))).toBe(false);
    expect(output.lines.some((l) => l.includes('tok-6f1d2a9c'))).toBe(false);
  });

  it('has no second effect when the same chunk is delivered again', async () => {
    const handler = createPersistenceHandler(harness.context);
    const event = await storedChunk('escuela-3', 1);
    output = captureStdout();
    await handler(eventBridgeEnvelope(event), fakeLambdaContext());
    const before = harness.published.length;
    const people = harness.store.countOf('participantes');

    const again = await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    expect(again).toEqual({
      status: 'repeated', detailType: 'Chunk Enriched', fileId: 'escuela-3', chunk: 1,
    });
    expect(harness.published.length).toBe(before);
    expect(harness.store.countOf('participantes')).toBe(people);
    expect(output.metric('DuplicateDeliveries')).toEqual([1]);
  });

  it('stores each row\'s outcome for the file report', async () => {
    const handler = createPersistenceHandler(harness.context);
    const event = await storedChunk('escuela-4', 2);
    output = captureStdout();

    await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    const outcome = await objects.getJson<OutcomePayload>(keys.outcomes('escuela-4', 2));
    expect(outcome.rows).toEqual({ read: 2, loaded: 2, failed: 0, warnings: 0 });
    expect(outcome.issues).toEqual([]);
  });

  it('rejects an event it does not consume, naming it', async () => {
    const handler = createPersistenceHandler(harness.context);
    output = captureStdout();
    const wrong = eventBridgeEnvelope({
      source: 'apilados.intake', 'detail-type': 'Chunk Ready', detail: {},
    });

    const handling = handler(wrong, fakeLambdaContext());

    await expect(handling).rejects.toThrow(
      'persistence expected apilados.cct-lookup/Chunk Enriched: ' +
        'got apilados.intake/Chunk Ready',
    );
  });
});
