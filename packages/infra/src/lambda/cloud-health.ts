import {
  alertOnChange,
  alertsTopicCheck,
  catalogueCheck,
  ObjectHealthState,
  cmsCheck,
  createHealth,
  healthMetrics,
  memoryCheck,
  objectStoreCheck,
  type HealthCheck,
  type HealthReport,
} from '@apilados/health';
import type { RecordStore } from '@apilados/record-store';
import type { CloudCatalogue } from './cloud-catalogue.js';
import type { CloudContext } from './cloud-context.js';
import type { CloudPorts } from './cloud-ports.js';
import { memoryLimitBytes } from './memory.js';
import { SnsAlerts } from './sns-alerts.js';
import type { Telemetry } from './telemetry.js';

/** Runs the pipeline's health checks inside a Lambda function. */
export interface CloudHealth {
  /**
   * Runs every check (CMS, data bucket, memory, CCT catalogue, and the
   * bus through Health Reported) and records `OverallHealthStatus`
   * (0 healthy, 1 warning, 2 critical). `MemoryUsagePercentage` is
   * recorded by every invocation already.
   */
  check(): Promise<HealthReport>;
}

/**
 * Runs the checks, records the metrics and, where the function is linked
 * to the alerts topic, checks the topic and alerts people once when the
 * status becomes critical (and once when it recovers), remembering the
 * last status in the data bucket.
 */

export function createCloudHealth(
  context: CloudContext,
  ports: CloudPorts,
  telemetry: Telemetry,
  catalogue: () => Promise<CloudCatalogue>,
): CloudHealth {
  const alerts = context.alertsTopicArn
    ? new SnsAlerts(context.clients.sns, context.alertsTopicArn)
    : undefined;
  const state = new ObjectHealthState(ports.objects);
  const health = createHealth({
    bus: ports.bus,
    logger: telemetry.logger,
    environment: context.settings.environment,
    checks: [
      lazyCmsCheck(ports.store),
      objectStoreCheck(ports.objects),
      memoryCheck({ limitBytes: memoryLimitBytes() }),
      catalogueCheck(async () => {
        const { mode, entries, reason, resolver } = await catalogue();
        const { hitRate, lookups, cmsRequests, cmsRequestsSaved, bytes } = resolver.stats();
        return {
          mode, entries, reason,
          stats: { hitRate, lookups, cmsRequests, cmsRequestsSaved, bytes },
        };
      }),
      ...(alerts ? [alertsTopicCheck('Alerts', () => alerts.probe())] : []),
    ],
  });

  return {
    async check() {
      const report = await health.check();
      for (const metric of healthMetrics(report)) {
        if (metric.name === 'MemoryUsagePercentage') continue;
        telemetry.metrics.addMetric(metric.name, metric.unit, metric.value);
      }
      if (alerts) {
        const sent = await alertOnChange(report, alerts, state);
        if (sent) telemetry.logger.warn('health alert sent', { alert: sent });
      }
      return report;
    },
  };
}

/** The CMS check, opening the store first; failing to open is critical. */
function lazyCmsCheck(store: () => Promise<RecordStore>): HealthCheck {
  return {
    name: 'cms',
    async run() {
      return cmsCheck(await store()).run();
    },
  };
}
