import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ChunkReady,
  createEvent,
  keys,
  type LookupPayload,
  type SchoolsPayload,
} from '@apilados/events';
import { S3ObjectStore } from '@apilados/object-store/s3';
import { CATALOGUE } from '../../../test/support/csv-text.js';
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
import { createCctLookupHandler } from './cloud-cct-lookup.js';

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

/** Stores a chunk's school codes: a known, an unknown and a malformed CCT. */
async function readyChunk(fileId: string) {
  const schools: SchoolsPayload = {
    fileId,
    chunk: 1,
    rows: [
      { row: 2, participantId: 'P-1', cct: '01DJN0002D' },
      { row: 3, participantId: 'P-2', cct: '09DPR9999Z' },
      { row: 4, participantId: 'P-3', cct: 'escuela' },
    ],
  };
  await objects.putJson(keys.schools(fileId, 1), schools);
  return createEvent(ChunkReady, {
    fileId, chunk: 1, rowsKey: keys.chunk(fileId, 1),
    schoolsKey: keys.schools(fileId, 1), rowCount: 3,
    firstRow: 2, lastRow: 4, dryRun: false,
  });
}

describe('the CCT lookup function', () => {
  it('links codes with the catalogue preloaded from the bucket', async () => {
    await objects.put('ccts_export.csv', CATALOGUE);
    const handler = createCctLookupHandler(harness.context);
    const event = await readyChunk('cct-1');
    output = captureStdout();

    const answer = await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    expect(answer).toEqual({ status: 'done', detailType: 'Chunk Ready', fileId: 'cct-1', chunk: 1 });
    const enriched = harness.published.find((e) => e['detail-type'] === 'Chunk Enriched');
    expect(enriched?.detail).toMatchObject({
      fileId: 'cct-1',
      lookupKey: 'work/cct-1/lookups/000001.json',
      cct: { mode: 'preloaded', resolved: 1, unknown: 1, malformed: 1 },
    });
    const lookup = await objects.getJson<LookupPayload>(keys.lookup('cct-1', 1));
    expect(lookup.cctIds).toEqual({ 2: 7 });
    expect(output.metric('CctResolved')).toEqual([1]);
  });

  it('falls back to on-demand lookups, with a warning, when the catalogue is missing', async () => {
    await objects.delete('ccts_export.csv');
    const handler = createCctLookupHandler({
      ...harness.context,
      settings: { ...harness.context.settings, ccts: { ...harness.context.settings.ccts, usePreloading: true } },
    });
    const event = await readyChunk('cct-2');
    output = captureStdout();
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });

    await handler(eventBridgeEnvelope(event), fakeLambdaContext()).finally(() => spy.mockRestore());

    const enriched = harness.published.filter((e) => e['detail-type'] === 'Chunk Enriched').at(-1);
    expect(enriched?.detail).toMatchObject({
      fileId: 'cct-2',
      cct: { mode: 'on-demand', resolved: 1, unknown: 1, malformed: 1 },
    });
    const warning = stderr.map((l) => JSON.parse(l)).find((r) => r.message === 'cct catalogue unusable');
    expect(warning?.reason).toBe(
      "the catalogue s3://apilados-data/ccts_export.csv cannot be preloaded (no object " +
        "'ccts_export.csv' in s3://apilados-data); resolving codes on demand against the CMS",
    );
  });

  it('falls back to on-demand lookups when the catalogue has the wrong header', async () => {
    await objects.put('ccts_export.csv', 'codigo;escuela\n01DJN0002D;7\n');
    const handler = createCctLookupHandler(harness.context);
    const event = await readyChunk('cct-3');
    output = captureStdout();

    await handler(eventBridgeEnvelope(event), fakeLambdaContext());

    const enriched = harness.published.filter((e) => e['detail-type'] === 'Chunk Enriched').at(-1);
    expect(enriched?.detail).toMatchObject({ fileId: 'cct-3', cct: { mode: 'on-demand', resolved: 1 } });
  });
});
