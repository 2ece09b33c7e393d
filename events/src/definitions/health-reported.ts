import * as v from 'valibot';
import { defineEvent } from '../define-event.js';

/** A check's verdict. */
export const HealthStatus = v.picklist(['healthy', 'warning', 'critical']);

/** The result of a health check run. */
export const HealthReported = defineEvent({
  producer: 'health',
  detailType: 'Health Reported',
  version: 1,
  description:
    'A health check ran; carries the overall status (the worst check) and ' +
    'each check. No secrets and no personal data.',
  detail: {
    environment: v.string(),
    status: HealthStatus,
    checks: v.array(
      v.object({
        name: v.string(),
        status: HealthStatus,
        message: v.string(),
        durationMs: v.pipe(v.number(), v.minValue(0)),
      }),
    ),
    checkedAt: v.pipe(v.string(), v.isoTimestamp()),
  },
});
