import * as v from 'valibot';

/** The payload that asks the ingest function for a health check. */
export const HealthCheckRequest = v.object({ test: v.literal('health-check') });

/** True for `{"test": "health-check"}`. */
export function isHealthCheckRequest(input: unknown): boolean {
  return v.is(HealthCheckRequest, input);
}
