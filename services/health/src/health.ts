import type { Logger } from '@aws-lambda-powertools/logger';
import { HealthReported, createEvent } from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import {
  runCheck,
  worstStatus,
  type CheckResult,
  type HealthCheck,
  type HealthStatus,
} from './check.js';

/** One run of every check. */
export interface HealthReport {
  readonly environment: string;
  readonly status: HealthStatus;
  readonly checks: readonly CheckResult[];
  readonly checkedAt: string;
}

/** What the health service needs. */
export interface HealthDeps {
  readonly checks: readonly HealthCheck[];
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly environment: string;
  readonly now?: () => Date;
}

/**
 * The health service: runs every check at once, reports the worst status
 * overall, and announces the result as a Health Reported event.
 */
export function createHealth(deps: HealthDeps) {
  const now = deps.now ?? (() => new Date());

  /**
   * Runs every check, then announces the result; whether the bus took the
   * announcement is itself the `event-bus` check of the returned report.
   */
  async function check(): Promise<HealthReport> {
    const checks = await Promise.all(deps.checks.map(runCheck));
    const checkedAt = now().toISOString();
    checks.push(await runCheck(busCheck(checks, checkedAt)));
    const report: HealthReport = {
      environment: deps.environment,
      status: worstStatus(checks.map((c) => c.status)),
      checks,
      checkedAt,
    };
    deps.logger.info('health checked', {
      status: report.status,
      checks: checks.map((c) => `${c.name}:${c.status}`),
    });
    return report;
  }

  function busCheck(checks: CheckResult[], checkedAt: string): HealthCheck {
    return {
      name: 'event-bus',
      async run() {
        const event = createEvent(HealthReported, {
          environment: deps.environment,
          status: worstStatus(checks.map((c) => c.status)),
          checks: checks.map(({ name, status, message, durationMs }) => ({
            name, status, message, durationMs,
          })),
          checkedAt,
        });
        try {
          await deps.bus.publish(event);
          return {
            status: 'healthy',
            message: 'the event bus accepted the Health Reported event',
            details: {},
          };
        } catch (error) {
          return {
            status: 'critical',
            message: `the event bus refused events: ${(error as Error).message}; ` +
              'chunks cannot move between services',
            details: {},
          };
        }
      },
    };
  }

  return { check };
}

/** The health service's operations. */
export type Health = ReturnType<typeof createHealth>;
