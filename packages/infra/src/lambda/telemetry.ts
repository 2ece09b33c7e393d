import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { ServiceName } from '@apilados/events';
import { createLogger, type Logger } from '@apilados/observability';
import { memoryUsePercent } from './memory.js';

/** A service's logger, metrics and tracer inside Lambda. */
export interface Telemetry {
  readonly service: ServiceName;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;
}

/** Keys that tie log lines and traces to one file and chunk. */
export interface Correlation {
  readonly fileId?: string | undefined;
  readonly chunk?: number | undefined;
}

/**
 * Creates a service's telemetry: the redacting logger, EMF metrics in
 * `namespace` (e.g. `Apilados/Pipeline/Production`) with a `service`
 * dimension, and an X-Ray tracer (inactive outside Lambda).
 */
export function createTelemetry(service: ServiceName, namespace: string): Telemetry {
  const serviceName = `apilados-${service}`;
  return {
    service,
    logger: createLogger(service),
    metrics: new Metrics({ namespace, serviceName }),
    tracer: new Tracer({ serviceName }),
  };
}

/**
 * Puts `fileId` and `chunk` on every log line of this invocation and on
 * its trace as annotations.
 */
export function correlate(telemetry: Telemetry, keys: Correlation): void {
  const present = Object.fromEntries(
    Object.entries(keys).filter(([, value]) => value !== undefined),
  ) as Record<string, string | number>;
  telemetry.logger.appendKeys(present);
  for (const [key, value] of Object.entries(present)) {
    telemetry.tracer.putAnnotation(key, value);
  }
}

/**
 * Wraps a Lambda handler with the telemetry middlewares: a trace segment,
 * the Lambda context on log lines (keys reset after each invocation),
 * metrics flushed as EMF at the end (with cold starts), and the memory
 * used as `MemoryUsagePercentage`.
 */
export function observed<TEvent, TResult>(
  telemetry: Telemetry,
  handler: (event: TEvent, context: Context) => Promise<TResult>,
) {
  return middy<TEvent, TResult>(handler)
    .use(captureLambdaHandler(telemetry.tracer, { captureResponse: false }))
    .use(injectLambdaContext(telemetry.logger, { resetKeys: true }))
    .use(logMetrics(telemetry.metrics, { captureColdStartMetric: true }))
    .use(memoryGauge(telemetry.metrics));
}

/** Records memory use once the handler is done, before metrics flush. */
function memoryGauge(metrics: Metrics): middy.MiddlewareObj {
  const record = async () => {
    metrics.addMetric('MemoryUsagePercentage', MetricUnit.Percent, memoryUsePercent());
  };
  return { after: record, onError: record };
}
