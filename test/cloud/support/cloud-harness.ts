import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { loadCatalogue } from '@apilados/cct-catalogue';
import { loadSettings } from '@apilados/config';
import type { DomainEvent } from '@apilados/events';
import type { CloudContext } from '@apilados/infra/lambda';
import { SqliteRecordStore } from '@apilados/record-store';
import { CATALOGUE } from '../../support/csv-text.js';
import { LOCAL_AWS } from './aws-test-config.js';
import { startLocalDynamo, type LocalDynamo } from './local-dynamo.js';
import { startLocalS3, type LocalS3 } from './local-s3.js';

/** The data bucket of the cloud tests. */
export const BUCKET = 'apilados-data';

/** The CMS token the tests hand to the functions; it must never be logged. */
export const TEST_TOKEN = 'tok-6f1d2a9c-never-logged';

/** Local look-alikes of the AWS resources, and a context on them. */
export interface CloudHarness {
  readonly s3: LocalS3;
  readonly dynamo: LocalDynamo;
  /** The record store the functions write to (SQLite standing in for the CMS). */
  readonly store: SqliteRecordStore;
  readonly context: CloudContext;
  /** Every event put on the bus, in order. */
  readonly published: DomainEvent[];
  stop(): Promise<void>;
}

/** Options of `startCloudHarness`. */
export interface HarnessOptions {
  /** Environment of the functions, over the test defaults. */
  readonly env?: Record<string, string>;
  /**
   * Sees each PutEvents request's entries once EventBridge took them, e.g.
   * to deliver them. Answering `'lose-answer'` makes the call fail anyway,
   * as when the answer is lost on the way back.
   */
  readonly onPutEvents?: (entries: PutEventsRequestEntry[]) => void | 'lose-answer';
  /** The alerts topic, for the health function (mock `sns` to see alerts). */
  readonly alertsTopicArn?: string;
  readonly sns?: SNSClient;
}

/**
 * Starts s3rver and dynalite on loopback, creates the bucket and the
 * progress and idempotency tables, mocks EventBridge's PutEvents, and
 * opens a SQLite record store in a temporary folder holding the test CCT
 * catalogue, as the CMS holds its own.
 */
export async function startCloudHarness(options: HarnessOptions = {}): Promise<CloudHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'apilados-cloud-'));
  const s3 = await startLocalS3([BUCKET]);
  const dynamo = await startLocalDynamo();
  await dynamo.createTable('apilados-progress', 'fileId');
  await dynamo.createTable('apilados-idempotency', 'id');
  const store = SqliteRecordStore.open(join(dir, 'cms.db'));
  const { index } = await loadCatalogue(Readable.from([CATALOGUE]));
  store.importCatalogue('ccts', index.entries());

  const published: DomainEvent[] = [];
  const eventBridge = new EventBridgeClient(LOCAL_AWS);
  let eventIds = 0;
  mockClient(eventBridge)
    .on(PutEventsCommand)
    .callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      for (const e of input.Entries) {
        published.push({
          source: e.Source!,
          'detail-type': e.DetailType!,
          detail: JSON.parse(e.Detail!) as unknown,
        });
      }
      if (options.onPutEvents?.(input.Entries) === 'lose-answer') {
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      }
      return {
        FailedEntryCount: 0,
        Entries: input.Entries.map(() => ({ EventId: `event-${++eventIds}` })),
      };
    });

  const context: CloudContext = {
    settings: loadSettings({
      ENVIRONMENT: 'test',
      CHUNK_SIZE: '2',
      ...options.env,
    }),
    bucket: BUCKET,
    busName: 'apilados-test',
    progressTable: 'apilados-progress',
    idempotencyTable: 'apilados-idempotency',
    alertsTopicArn: options.alertsTopicArn ?? '',
    clients: { s3: s3.client, eventBridge, dynamo: dynamo.client, sns: options.sns ?? new SNSClient(LOCAL_AWS) },
    cmsToken: () => TEST_TOKEN,
    openStore: () => store,
  };

  return {
    s3,
    dynamo,
    store,
    context,
    published,
    async stop() {
      await store.close();
      await s3.stop();
      await dynamo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
