import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Settings } from '@apilados/config';
import type { RecordStore } from '@apilados/record-store';

/** The AWS SDK clients a function reuses across invocations. */
export interface CloudClients {
  readonly s3: S3Client;
  readonly eventBridge: EventBridgeClient;
  readonly dynamo: DynamoDBClient;
  readonly sns: SNSClient;
}

/**
 * Opens the CMS record store with the function's settings and the CMS
 * token; called once per function instance.
 */
export type RecordStoreFactory = (
  settings: Settings,
  token: string,
) => RecordStore | Promise<RecordStore>;

/** Everything a Lambda handler of the pipeline runs on. */
export interface CloudContext {
  readonly settings: Settings;
  /** The data bucket: uploads, work and reports. */
  readonly bucket: string;
  /** Name of the EventBridge bus the services talk on. */
  readonly busName: string;
  readonly progressTable: string;
  readonly idempotencyTable: string;
  /** The alerts SNS topic; empty where the function is not linked to it. */
  readonly alertsTopicArn: string;
  readonly clients: CloudClients;
  /** The CMS token; read when first needed, never logged. */
  readonly cmsToken: () => string;
  readonly openStore: RecordStoreFactory;
}
