import {
  busConsumerHandler,
  cloudPorts,
  createTelemetry,
  kept,
  type CloudContext,
} from '@apilados/infra/lambda';
import { createPersistence } from './persistence.js';
import { persistenceRoutes } from './routes.js';
import { storeWriter } from './row-writer.js';

/**
 * The persistence function: takes Chunk Enriched from the bus, writes the
 * chunk's rows to the CMS, and announces Chunk Persisted, once per chunk
 * however often the event arrives.
 */
export function createPersistenceHandler(context: CloudContext) {
  const { settings } = context;
  const telemetry = createTelemetry('persistence', settings.health.namespace);
  const ports = cloudPorts(context, telemetry);
  const routes = kept(async () =>
    persistenceRoutes(
      createPersistence({
        objects: ports.objects,
        bus: ports.bus,
        writer: storeWriter(
          await ports.store(),
          settings.processMode === 'sequential' ? 1 : settings.batchSize,
        ),
        logger: telemetry.logger,
      }),
    ),
  );
  return busConsumerHandler({ telemetry, once: ports.once, routes });
}
