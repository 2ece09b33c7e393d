/** A check's verdict. */
export type HealthStatus = 'healthy' | 'warning' | 'critical';

/** What one check found. */
export interface CheckResult {
  readonly name: string;
  readonly status: HealthStatus;
  /** What a person should know or do, without secrets or personal data. */
  readonly message: string;
  readonly durationMs: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/** One health check: a name and a probe. */
export interface HealthCheck {
  readonly name: string;
  run(): Promise<Omit<CheckResult, 'name' | 'durationMs'>>;
}

const RANK: Record<HealthStatus, number> = { healthy: 0, warning: 1, critical: 2 };

/** The worst of some statuses; healthy when there are none. */
export function worstStatus(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    'healthy',
  );
}

/** The status as a metric value: 0 healthy, 1 warning, 2 critical. */
export function statusValue(status: HealthStatus): number {
  return RANK[status];
}

/** Runs a check, timing it; a check that throws is critical. */
export async function runCheck(check: HealthCheck): Promise<CheckResult> {
  const started = performance.now();
  try {
    const result = await check.run();
    return { name: check.name, durationMs: elapsed(started), ...result };
  } catch (error) {
    return {
      name: check.name,
      status: 'critical',
      message: `check failed: ${(error as Error).message}`,
      durationMs: elapsed(started),
      details: {},
    };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
