import * as v from 'valibot';
import type { Context } from 'aws-lambda';
import {
  catalogueOf,
  cloudPorts,
  createCloudHealth,
  createTelemetry,
  observed,
  type CloudContext,
} from '@apilados/infra/lambda';
import type { HealthReport } from './health.js';

/** What the scheduled health function answers. */
export interface HealthAnswer {
  /** The report; null when HEALTH_CHECKS_ENABLED is false. */
  readonly health: HealthReport | null;
}

const Triggered = v.object({ 'detail-type': v.string() });

/**
 * The health function, run on a schedule: checks the CMS, the data
 * bucket, memory, the CCT catalogue and the bus, publishes Health
 * Reported and records `OverallHealthStatus`. It takes any payload (an
 * EventBridge Scheduled Event, a scheduler's input, a manual invoke).
 */
export function createHealthHandler(context: CloudContext) {
  const telemetry = createTelemetry('health', context.settings.health.namespace);
  const ports = cloudPorts(context, telemetry);
  const health = createCloudHealth(
    context,
    ports,
    telemetry,
    catalogueOf(context, ports, telemetry),
  );

  return observed(telemetry, async (event: unknown, _: Context): Promise<HealthAnswer> => {
    telemetry.logger.appendKeys({
      trigger: v.is(Triggered, event) ? event['detail-type'] : 'invoke',
    });
    if (!context.settings.health.enabled) {
      telemetry.logger.info('health checks are disabled (HEALTH_CHECKS_ENABLED)');
      return { health: null };
    }
    return { health: await health.check() };
  });
}
