import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { Resource } from 'sst';
import { loadSettings } from '@apilados/config';
import type { CloudContext, RecordStoreFactory } from './cloud-context.js';
import { MissingResourceError } from './errors.js';

/**
 * The resources `sst.config.ts` links to the pipeline's functions, by
 * link name. SST generates the same typing on deploy; this local copy
 * keeps the handlers type-checked without a deploy. Every function gets
 * Data, Bus and StrapiToken; Progress only the ingest function,
 * Idempotency only the functions that consume bus events, and Alerts only
 * the scheduled health function.
 */
export interface LinkedResources {
  readonly Data: { readonly name: string };
  readonly Bus: { readonly name: string };
  readonly Progress: { readonly name: string };
  readonly Idempotency: { readonly name: string };
  readonly StrapiToken: { readonly value: string };
  readonly Alerts: { readonly arn: string };
}

/**
 * The context of a deployed function: names of linked resources and the
 * CMS token from SST's `Resource`, settings from the environment.
 */
export function sstCloudContext(openStore: RecordStoreFactory): CloudContext {
  const linked = Resource as unknown as LinkedResources;
  const name = (resource: keyof LinkedResources) => {
    const value = (linked[resource] as { name?: string } | undefined)?.name;
    if (!value) throw new MissingResourceError(resource, 'link it in sst.config.ts');
    return value;
  };
  // Unlinked tables stay empty names: the function never uses them.
  const nameIfLinked = (resource: 'Progress' | 'Idempotency') =>
    resource in linked ? name(resource) : '';
  return {
    settings: loadSettings(process.env),
    bucket: name('Data'),
    busName: name('Bus'),
    progressTable: nameIfLinked('Progress'),
    idempotencyTable: nameIfLinked('Idempotency'),
    alertsTopicArn: 'Alerts' in linked ? linked.Alerts.arn : '',
    clients: {
      s3: new S3Client({}),
      eventBridge: new EventBridgeClient({}),
      dynamo: new DynamoDBClient({}),
      sns: new SNSClient({}),
    },
    cmsToken: () => {
      const token = linked.StrapiToken?.value;
      if (!token) {
        throw new MissingResourceError(
          'StrapiToken',
          'set it with `npx sst secret set StrapiToken <token> --stage <stage>`',
        );
      }
      return token;
    },
    openStore,
  };
}
