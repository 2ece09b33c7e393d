import type { EventBus } from '@apilados/event-bus';
import { EventBridgeBus } from '@apilados/event-bus/eventbridge';
import { S3ObjectStore } from '@apilados/object-store/s3';
import { DynamoDbProgressStore } from '@apilados/progress-store/dynamodb';
import type { RecordStore } from '@apilados/record-store';
import type { CloudContext } from './cloud-context.js';
import { kept } from './kept.js';
import { MeteredBus } from './metered-bus.js';
import { createOnce, type Once } from './once.js';
import type { Telemetry } from './telemetry.js';

/** The cloud adapters of the pipeline's ports, for one function. */
export interface CloudPorts {
  readonly objects: S3ObjectStore;
  /** EventBridge, recording the metrics of what is published. */
  readonly bus: EventBus;
  readonly progress: DynamoDbProgressStore;
  readonly once: Once;
  /** The CMS record store, opened on first use and then kept. */
  readonly store: () => Promise<RecordStore>;
}

/** Builds the adapters once per function instance. */
export function cloudPorts(context: CloudContext, telemetry: Telemetry): CloudPorts {
  const { clients } = context;
  return {
    objects: new S3ObjectStore({ client: clients.s3, bucket: context.bucket }),
    bus: new MeteredBus(
      new EventBridgeBus({ client: clients.eventBridge, busName: context.busName }),
      telemetry.metrics,
    ),
    progress: new DynamoDbProgressStore({
      client: clients.dynamo,
      table: context.progressTable,
    }),
    once: createOnce({
      client: clients.dynamo,
      table: context.idempotencyTable,
      prefix: `apilados-${telemetry.service}`,
    }),
    store: kept(async () => context.openStore(context.settings, context.cmsToken())),
  };
}
