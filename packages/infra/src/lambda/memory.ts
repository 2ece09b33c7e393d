import { getHeapStatistics } from 'node:v8';

/**
 * The memory this process may use: the Lambda function's memory size,
 * or V8's heap ceiling elsewhere.
 */
export function memoryLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const limitMb = Number(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  if (Number.isFinite(limitMb) && limitMb > 0) return limitMb * 1024 * 1024;
  return getHeapStatistics().heap_size_limit;
}

/** Resident memory as a percentage of the limit, to one decimal. */
export function memoryUsePercent(
  usedBytes: number = process.memoryUsage().rss,
  limitBytes: number = memoryLimitBytes(),
): number {
  return Math.round((usedBytes / limitBytes) * 1000) / 10;
}
