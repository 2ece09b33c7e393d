import { text } from 'node:stream/consumers';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@apilados/domain';
import type { DetailOf, FileCompleted, ServiceName } from '@apilados/events';
import { S3ObjectStore } from '@apilados/object-store/s3';
import { createCctLookupHandler } from '../../services/cct-lookup/src/cloud-cct-lookup.js';
import { createIntakeHandler } from '../../services/intake/src/cloud-intake.js';
import { createPersistenceHandler } from '../../services/persistence/src/cloud-persistence.js';
import { CATALOGUE, HEADERS, csvText, row } from '../support/csv-text.js';
import { captureStdout, type CapturedOutput } from './support/captured-output.js';
import {
  BUCKET,
  TEST_TOKEN,
  startCloudHarness,
  type CloudHarness,
} from './support/cloud-harness.js';
import { s3Notification } from './support/lambda-events.js';
import {
  LoopbackEventBridge,
  type LambdaHandler,
} from './support/loopback-eventbridge.js';

/** Five rows: three load, one lacks its implementation, one has too few fields. */
const MIXED =
  csvText([
    HEADERS,
    row({ ID: 'P-1' }),
    row({ ID: 'P-2', Email: 'b@example.mx' }),
    row({ ID: 'P-3', 'Implementación': 'NA' }),
    row({ ID: 'P-4', Email: 'd@example.mx' }),
  ]) + 'P-5,too,few\n';

const EXPECTED_REPORT = [
  'row,participant_id,column,value,severity,reason',
  "4,P-3,implementacion,NA,error,required column 'implementacion' is empty",
  `6,P-5,,,error,row has 3 fields but the header has ${HEADERS.length}; ` +
    'check for an unquoted separator or a missing cell',
];

interface Run {
  readonly harness: CloudHarness;
  readonly bus: LoopbackEventBridge;
  readonly output: CapturedOutput;
}

let run: Run | undefined;

afterEach(async () => {
  run?.output.restore();
  await run?.harness.stop();
  run = undefined;
});

/**
 * The whole pipeline on loopback: s3rver as the bucket, dynalite as the
 * tables, EventBridge routing by SUBSCRIPTIONS to two instances of each
 * function, SQLite standing in for the CMS.
 */
async function pipeline(options: {
  twice?: (entry: PutEventsRequestEntry) => boolean;
  loseAnswer?: (entries: PutEventsRequestEntry[]) => boolean;
} = {}): Promise<Run> {
  let bus: LoopbackEventBridge | undefined;
  const harness = await startCloudHarness({
    onPutEvents: (entries) => {
      bus!.put(entries);
      return options.loseAnswer?.(entries) ? 'lose-answer' : undefined;
    },
  });
  const { context } = harness;
  const instances = (create: (c: typeof context) => LambdaHandler) => [create(context), create(context)];
  const functions: Partial<Record<ServiceName, LambdaHandler[]>> = {
    intake: instances(createIntakeHandler),
    'cct-lookup': instances(createCctLookupHandler),
    persistence: instances(createPersistenceHandler),
  };
  bus = new LoopbackEventBridge({ functions, ...(options.twice ? { twice: options.twice } : {}) });
  await new S3ObjectStore({ client: harness.s3.client, bucket: BUCKET })
    .put('ccts_export.csv', CATALOGUE);
  return { harness, bus, output: captureStdout() };
}

/** Uploads a file and lets S3 notify the ingest function `times` times. */
async function upload({ harness, bus }: Run, key: string, body: string, times = 1) {
  const objects = new S3ObjectStore({ client: harness.s3.client, bucket: BUCKET });
  await objects.put(key, body, 'text/csv');
  const head = await harness.s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  const notification = s3Notification({
    bucket: BUCKET, key, size: body.length, eTag: head.ETag!.replace(/"/g, ''),
  });
  for (let n = 0; n < times; n++) bus.invoke('intake', notification);
  await bus.drain();
}

const completions = ({ harness }: Run) =>
  harness.published
    .filter((e) => e['detail-type'] === 'File Completed')
    .map((e) => e.detail as DetailOf<typeof FileCompleted>);

const entriesByCollection = ({ harness }: Run) =>
  Object.fromEntries(COLLECTION_NAMES.map((c) => [c, harness.store.countOf(c)]));

describe('the pipeline on AWS look-alikes', () => {
  it('loads an upload end to end and completes it with exact counts', async () => {
    run = await pipeline();

    await upload(run, 'uploads/mixed.csv', MIXED);

    const [completed, ...others] = completions(run);
    expect(others).toEqual([]);
    expect(completed).toMatchObject({
      file: {
        bucket: BUCKET, key: 'uploads/mixed.csv', name: 'mixed.csv',
        size: Buffer.byteLength(MIXED),
      },
      chunks: 3,
      rows: { read: 5, loaded: 3, failed: 2, warnings: 0 },
      problems: 2,
      reportKey: `reports/${completed!.fileId}.csv`,
      dryRun: false,
    });
    const objects = new S3ObjectStore({ client: run.harness.s3.client, bucket: BUCKET });
    const report = await text(await objects.read(completed!.reportKey!));
    expect(report.trim().split('\n')).toEqual(EXPECTED_REPORT);
    expect(run.harness.store.countOf('participaciones')).toBe(3);
    expect(run.bus.deadLetters).toEqual([]);
  });

  it('never logs personal data or the CMS token', async () => {
    run = await pipeline();

    await upload(run, 'uploads/mixed.csv', MIXED);

    const messages = run.output.records().flatMap((r) => ('level' in r ? [r.message] : []));
    expect([...new Set(messages)].sort()).toEqual([
      'cct catalogue preloaded', 'chunk enriched', 'chunk persisted', 'file accepted',
      'file completed', 'file cut into chunks',
    ]);
    const leaks = run.output.lines.filter((l) =>
      /example\.mx|Pérez|Ana/.test(l) || l.includes(TEST_TOKEN));
    expect(leaks).toEqual([]);
  });

  it('completes once, with no duplicated entries, when every event arrives twice', async () => {
    const once = await pipeline();
    await upload(once, 'uploads/mixed.csv', MIXED);
    const expected = entriesByCollection(once);
    once.output.restore();
    await once.harness.stop();
    run = await pipeline({ twice: () => true });

    await upload(run, 'uploads/mixed.csv', MIXED, 2);

    const completed = completions(run);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.rows).toEqual({ read: 5, loaded: 3, failed: 2, warnings: 0 });
    expect(entriesByCollection(run)).toEqual(expected);
    expect(run.output.metric('DuplicateDeliveries').length).toBeGreaterThan(0);
    expect(run.bus.deadLetters).toEqual([]);
  });

  it('completes once when a lost answer makes a chunk persist and publish twice', async () => {
    let lost = false;
    run = await pipeline({
      loseAnswer: (entries) => {
        const persisted = entries.some((e) =>
          e.DetailType === 'Chunk Persisted' && JSON.parse(e.Detail!).chunk === 2);
        if (!persisted || lost) return false;
        lost = true;
        return true;
      },
    });

    await upload(run, 'uploads/mixed.csv', MIXED);

    const persistedTwice = run.harness.published.filter((e) =>
      e['detail-type'] === 'Chunk Persisted' && (e.detail as { chunk: number }).chunk === 2);
    expect(persistedTwice).toHaveLength(2);
    const completed = completions(run);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.rows).toEqual({ read: 5, loaded: 3, failed: 2, warnings: 0 });
    expect(run.harness.store.countOf('participaciones')).toBe(3);
    expect(run.bus.deadLetters).toEqual([]);
  });
});
