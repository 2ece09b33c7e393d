import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dispatch, type Route } from '@apilados/events';
import { readEnvelope } from './eventbridge-envelope.js';
import type { Once } from './once.js';
import { correlate, observed, type Telemetry } from './telemetry.js';

/** What a service consumes from the bus, and with what. */
export interface BusConsumerOptions {
  readonly telemetry: Telemetry;
  readonly once: Once;
  /**
   * The service's routes, e.g. `persistenceRoutes(persistence)`, built on
   * first use (a service may need the record store opened first).
   */
  readonly routes: () => Promise<readonly Route[]>;
}

/** What became of one delivered event. */
export interface Consumed {
  readonly status: 'done' | 'repeated' | 'in-progress';
  readonly detailType: string;
  readonly fileId?: string;
  readonly chunk?: number;
}

/**
 * Handles one EventBridge delivery: validates the envelope and detail,
 * tags logs and trace with the file and chunk, and calls the service's
 * route at most once per event meaning (detail-type, file, chunk), so a
 * redelivered or republished event has no second effect.
 */
export async function consumeBusEvent(
  options: BusConsumerOptions,
  input: unknown,
): Promise<Consumed> {
  const { telemetry, once } = options;
  const routes = await options.routes();
  const { id, event } = readEnvelope(
    telemetry.service,
    input,
    routes.map((r) => r.definition),
  );
  const { fileId, chunk } = event.detail as { fileId?: string; chunk?: number };
  correlate(telemetry, { fileId, chunk });
  const detailType = event['detail-type'];

  const key: Record<string, string | number> =
    fileId === undefined ? { eventId: id } : { fileId, chunk: chunk ?? 0 };
  const outcome = await once.run(detailType, key, async () => {
    await dispatch(routes, event);
    return { handled: detailType };
  });

  if (outcome.status !== 'done') {
    telemetry.metrics.addMetric('DuplicateDeliveries', MetricUnit.Count, 1);
    telemetry.logger.info('event already handled or being handled; skipped', {
      detailType,
      eventId: id,
      status: outcome.status,
    });
  }
  return {
    status: outcome.status,
    detailType,
    ...(fileId === undefined ? {} : { fileId }),
    ...(chunk === undefined ? {} : { chunk }),
  };
}

/**
 * A Lambda handler for a service that only consumes bus events, with the
 * telemetry middlewares around it.
 *
 * @example
 * export const handler = busConsumerHandler({ telemetry, once, routes });
 */
export function busConsumerHandler(options: BusConsumerOptions) {
  return observed(options.telemetry, async (event: unknown, context: Context) => {
    options.once.attach(context);
    return consumeBusEvent(options, event);
  });
}
