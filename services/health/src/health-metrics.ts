import { statusValue } from './check.js';
import type { HealthReport } from './health.js';

/** A metric the health service publishes. */
export interface HealthMetric {
  readonly name: 'OverallHealthStatus' | 'MemoryUsagePercentage';
  readonly unit: 'Count' | 'Percent';
  readonly value: number;
}

/**
 * The metrics of one health run: `OverallHealthStatus` (0 healthy,
 * 1 warning, 2 critical) and `MemoryUsagePercentage` when memory was checked.
 */
export function healthMetrics(report: HealthReport): HealthMetric[] {
  const metrics: HealthMetric[] = [
    { name: 'OverallHealthStatus', unit: 'Count', value: statusValue(report.status) },
  ];
  const memory = report.checks.find((c) => c.name === 'memory');
  const percent = memory?.details.percent;
  if (typeof percent === 'number') {
    metrics.push({ name: 'MemoryUsagePercentage', unit: 'Percent', value: percent });
  }
  return metrics;
}
