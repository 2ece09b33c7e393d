import {
  busConsumerHandler,
  catalogueOf,
  cloudPorts,
  createTelemetry,
  kept,
  type CloudContext,
} from '@apilados/infra/lambda';
import { createCctLookup } from './cct-lookup.js';
import { cctLookupRoutes } from './routes.js';

/**
 * The CCT lookup function: takes Chunk Ready from the bus, links each
 * row's school code to the catalogue, and announces Chunk Enriched, once
 * per chunk however often the event arrives.
 */
export function createCctLookupHandler(context: CloudContext) {
  const telemetry = createTelemetry('cct-lookup', context.settings.health.namespace);
  const ports = cloudPorts(context, telemetry);
  const catalogue = catalogueOf(context, ports, telemetry);
  const lookup = createCctLookup({
    objects: ports.objects,
    bus: ports.bus,
    logger: telemetry.logger,
    resolver: async () => (await catalogue()).resolver,
  });
  const routes = kept(async () => cctLookupRoutes(lookup));
  return busConsumerHandler({ telemetry, once: ports.once, routes });
}
