import type { EventDefinition, ServiceName } from './define-event.js';
import { ChunkEnriched } from './definitions/chunk-enriched.js';
import { ChunkPersisted } from './definitions/chunk-persisted.js';
import { ChunkReady } from './definitions/chunk-ready.js';
import { FileAccepted } from './definitions/file-accepted.js';
import { FileCompleted } from './definitions/file-completed.js';
import { FileRejected } from './definitions/file-rejected.js';
import { HealthReported } from './definitions/health-reported.js';

/** Every domain event, in the order a file meets them. */
export const EVENTS = [
  FileAccepted,
  FileRejected,
  ChunkReady,
  ChunkEnriched,
  ChunkPersisted,
  FileCompleted,
  HealthReported,
] as const satisfies readonly EventDefinition[];

/**
 * Which service consumes which events. The local runtime subscribes the
 * services on its in-process bus from this table, and the cloud deployment
 * builds its EventBridge rules from it.
 */
export const SUBSCRIPTIONS = {
  intake: [ChunkPersisted],
  'cct-lookup': [ChunkReady],
  persistence: [ChunkEnriched],
  health: [],
} as const satisfies Record<ServiceName, readonly EventDefinition[]>;

/** The services that consume `definition`. */
export function consumersOf(definition: EventDefinition): ServiceName[] {
  return (Object.keys(SUBSCRIPTIONS) as ServiceName[]).filter((service) =>
    (SUBSCRIPTIONS[service] as readonly EventDefinition[]).includes(definition),
  );
}

/** An EventBridge rule pattern matching the given events. */
export function eventPattern(definitions: readonly EventDefinition[]) {
  return {
    source: [...new Set(definitions.map((d) => d.source))],
    'detail-type': definitions.map((d) => d.detailType),
  };
}
