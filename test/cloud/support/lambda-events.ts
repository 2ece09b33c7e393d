import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { DomainEvent } from '@apilados/events';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** A Lambda context as the runtime passes it, for one invocation. */
export function fakeLambdaContext(functionName = 'apilados-test-function'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2025/03/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 300_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** An object as an S3 notification describes it. */
export interface NotifiedObject {
  readonly bucket: string;
  /** The key as S3 sends it: URL-encoded, spaces as `+`. */
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly versionId?: string;
  readonly eventName?: string;
}

/** An S3 event notification, shaped as S3 delivers it to Lambda. */
export function s3Notification(...objects: NotifiedObject[]) {
  return {
    Records: objects.map((o) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: REGION,
      eventTime: '2025-03-01T10:00:00.000Z',
      eventName: o.eventName ?? 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: {
        'x-amz-request-id': 'C3D13FE58DE4C810',
        'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'uploads',
        bucket: {
          name: o.bucket,
          ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
          arn: `arn:aws:s3:::${o.bucket}`,
        },
        object: {
          key: o.key,
          size: o.size,
          eTag: o.eTag,
          ...(o.versionId ? { versionId: o.versionId } : {}),
          sequencer: '0055AED6DCD90281E5',
        },
      },
    })),
  };
}

/** A domain event in the envelope EventBridge hands to Lambda. */
export function eventBridgeEnvelope(event: DomainEvent, id: string = randomUUID()) {
  return {
    version: '0',
    id,
    'detail-type': event['detail-type'],
    source: event.source,
    account: ACCOUNT,
    time: '2025-03-01T10:00:00Z',
    region: REGION,
    resources: [],
    detail: event.detail,
  };
}

/** The event an EventBridge schedule rule sends. */
export function scheduledEvent() {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT,
    time: '2025-03-01T10:05:00Z',
    region: REGION,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/apilados-test-health`],
    detail: {},
  };
}
