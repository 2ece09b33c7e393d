import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { emptyCounts } from '@apilados/domain';
import {
  ChunkPersisted,
  createEvent,
  keys,
  type OutcomePayload,
} from '@apilados/events';
import { S3ObjectStore } from '@apilados/object-store/s3';
import { CATALOGUE, HEADERS, csvText, row } from '../../../test/support/csv-text.js';
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
  s3Notification,
} from '../../../test/cloud/support/lambda-events.js';
import type { HealthReport } from '@apilados/health';
import { createIntakeHandler, type UploadsAnswer } from './cloud-intake.js';
import { fileIdFor } from './file-id.js';

let harness: CloudHarness;
let objects: S3ObjectStore;
let output: CapturedOutput;

beforeAll(async () => {
  harness = await startCloudHarness();
  objects = new S3ObjectStore({ client: harness.s3.client, bucket: BUCKET });
  await objects.put('ccts_export.csv', CATALOGUE);
});
afterAll(async () => {
  await harness.stop();
});
afterEach(() => output?.restore());

/** Uploads `text` at `key` and returns its notification, as S3 sends it. */
async function uploaded(key: string, text: string) {
  await objects.put(key, text, 'text/csv');
  const head = await harness.s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  return s3Notification({
    bucket: BUCKET,
    key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
    size: text.length,
    eTag: head.ETag!.replace(/"/g, ''),
  });
}

const published = (detailType: string) =>
  harness.published.filter((e) => e['detail-type'] === detailType);

describe('the ingest function', () => {
  it('cuts a notified upload into chunks under a stable file id', async () => {
    const handler = createIntakeHandler(harness.context);
    const text = csvText([HEADERS, row({ ID: 'P-1' }), row({ ID: 'P-2' }), row({ ID: 'P-3' })]);
    const notification = await uploaded('uploads/Escuela Norte.csv', text);
    const etag = notification.Records[0]!.s3.object.eTag;
    const fileId = fileIdFor('uploads/Escuela Norte.csv', `${BUCKET}/uploads/Escuela Norte.csv@${etag}`);
    output = captureStdout();

    const answer = await handler(notification, fakeLambdaContext());

    expect(answer).toEqual({
      uploads: [{ key: 'uploads/Escuela Norte.csv', fileId, status: 'accepted', repeated: false }],
      ignored: [],
    });
    expect(fileId).toMatch(/^Escuela_Norte-[0-9a-f]{12}$/);
    expect(published('Chunk Ready').filter((e) => (e.detail as { fileId: string }).fileId === fileId)
      .map((e) => (e.detail as { chunk: number }).chunk)).toEqual([1, 2]);
    expect(output.metric('UploadsReceived')).toEqual([1]);
    const logs = output.records().filter((r) => 'level' in r && r.message !== 'object ignored');
    expect(logs.every((l) => l.fileId === fileId)).toBe(true);
  });

  it('loads a repeated notification of one upload only once', async () => {
    const handler = createIntakeHandler(harness.context);
    const notification = await uploaded('uploads/twice.csv', csvText([HEADERS, row()]));
    output = captureStdout();
    const first = await handler(notification, fakeLambdaContext());
    const accepted = published('File Accepted').length;

    const second = await handler(notification, fakeLambdaContext());

    expect(second).toEqual({
      uploads: [{ ...(first as UploadsAnswer).uploads[0], repeated: true }],
      ignored: [],
    });
    expect(published('File Accepted').length).toBe(accepted);
  });

  it('ignores objects that are not CSV uploads, saying why', async () => {
    const handler = createIntakeHandler(harness.context);
    output = captureStdout();

    const answer = await handler(
      s3Notification(
        { bucket: BUCKET, key: 'uploads/notas.xlsx', size: 10, eTag: 'a1' },
        { bucket: BUCKET, key: 'reports/x.csv', size: 10, eTag: 'a2' },
        { bucket: 'other-bucket', key: 'uploads/y.csv', size: 10, eTag: 'a3' },
      ),
      fakeLambdaContext(),
    );

    expect(answer).toEqual({
      uploads: [],
      ignored: [
        { key: 'uploads/notas.xlsx', reason: 'not a .csv file' },
        { key: 'reports/x.csv', reason: 'not under uploads/' },
        { key: 'uploads/y.csv', reason: 'not in the data bucket apilados-data' },
      ],
    });
    const ignored = output.records().filter((r) => r.message === 'object ignored');
    expect(ignored.map((r) => r.key)).toEqual(['uploads/notas.xlsx', 'reports/x.csv', 'uploads/y.csv']);
  });

  it('answers {"test": "health-check"} with the health report instead of loading', async () => {
    const handler = createIntakeHandler(harness.context);
    const before = published('File Accepted').length;
    output = captureStdout();

    const answer = await handler({ test: 'health-check' }, fakeLambdaContext());

    const report = (answer as { health: HealthReport }).health;
    expect(report.environment).toBe('test');
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['cms', 'healthy'],
      ['object-store', 'healthy'],
      ['memory', expect.stringMatching(/^(healthy|warning|critical)$/)],
      ['cct-catalogue', 'healthy'],
      ['event-bus', 'healthy'],
    ]);
    expect(published('File Accepted').length).toBe(before);
    expect(output.metric('OverallHealthStatus')).toHaveLength(1);
  });

  it('sends File Completed once the last chunk is persisted', async () => {
    const handler = createIntakeHandler(harness.context);
    const notification = await uploaded('uploads/done.csv', csvText([HEADERS, row(), row({ ID: 'P-2' })]));
    output = captureStdout();
    const answer = await handler(notification, fakeLambdaContext()) as UploadsAnswer;
    const fileId = answer.uploads[0]!.fileId;
    const outcome: OutcomePayload = {
      fileId, chunk: 1, rows: { read: 2, loaded: 2, failed: 0, warnings: 0 },
      created: emptyCounts(), issues: [],
    };
    await objects.putJson(keys.outcomes(fileId, 1), outcome);
    const persisted = createEvent(ChunkPersisted, {
      fileId, chunk: 1, outcomesKey: keys.outcomes(fileId, 1), rows: outcome.rows,
      created: emptyCounts(), storeRequests: 4, durationMs: 120,
    });

    const first = await handler(eventBridgeEnvelope(persisted), fakeLambdaContext());
    const again = await handler(eventBridgeEnvelope(persisted), fakeLambdaContext());

    expect(first).toEqual({ status: 'done', detailType: 'Chunk Persisted', fileId, chunk: 1 });
    expect(again).toEqual({ status: 'repeated', detailType: 'Chunk Persisted', fileId, chunk: 1 });
    const completed = published('File Completed').filter(
      (e) => (e.detail as { fileId: string }).fileId === fileId);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.detail).toMatchObject({
      fileId, chunks: 1, rows: { read: 2, loaded: 2, failed: 0, warnings: 0 },
      reportKey: null, problems: 0,
    });
  });
});
