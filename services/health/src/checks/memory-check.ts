import type { HealthCheck, HealthStatus } from '../check.js';

/** Thresholds of memory use, as fractions of the limit. */
export const MEMORY_WARNING = 0.7;
export const MEMORY_CRITICAL = 0.85;

/**
 * Memory in use against the limit: the Lambda function's memory size, or
 * the process's heap limit elsewhere. Warning from 70 %, critical from 85 %.
 */
export function memoryCheck(options: {
  limitBytes: number;
  usedBytes?: () => number;
}): HealthCheck {
  const used = options.usedBytes ?? (() => process.memoryUsage().rss);
  return {
    name: 'memory',
    async run() {
      const bytes = used();
      const percent = Math.round((bytes / options.limitBytes) * 1000) / 10;
      const status: HealthStatus =
        percent >= MEMORY_CRITICAL * 100 ? 'critical'
          : percent >= MEMORY_WARNING * 100 ? 'warning' : 'healthy';
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      const advice = status === 'healthy' ? ''
        : '; lower CHUNK_SIZE or CCTS_MAX_MEMORY_MB, or raise the memory size';
      return {
        status,
        message: `memory use ${percent}% (${mb(bytes)} of ${mb(options.limitBytes)})${advice}`,
        details: { usedBytes: bytes, limitBytes: options.limitBytes, percent },
      };
    },
  };
}
