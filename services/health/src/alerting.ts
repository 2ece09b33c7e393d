import type { ObjectStore } from '@apilados/object-store';
import type { HealthReport } from './health.js';
import type { HealthStatus } from './check.js';

/** Sends an alert to people (an SNS topic on AWS). */
export interface AlertNotifier {
  notify(subject: string, message: string): Promise<void>;
}

/** Remembers the last overall status between health runs. */
export interface HealthStateStore {
  lastStatus(): Promise<HealthStatus | undefined>;
  saveStatus(status: HealthStatus): Promise<void>;
}

/**
 * Alerts when the overall status becomes critical: once on the way in,
 * not on every run while it stays critical, and once more when it
 * recovers. Returns whether an alert was sent.
 */
export async function alertOnChange(
  report: HealthReport,
  notifier: AlertNotifier,
  state: HealthStateStore,
): Promise<'critical' | 'recovered' | undefined> {
  const previous = await state.lastStatus();
  await state.saveStatus(report.status);

  if (report.status === 'critical' && previous !== 'critical') {
    const failing = report.checks.filter((c) => c.status === 'critical');
    await notifier.notify(
      `Apilados pipeline ${report.environment}: CRITICAL`,
      [
        `Health became critical at ${report.checkedAt}.`,
        ...failing.map((c) => `- ${c.name}: ${c.message}`),
      ].join('\n'),
    );
    return 'critical';
  }
  if (previous === 'critical' && report.status !== 'critical') {
    await notifier.notify(
      `Apilados pipeline ${report.environment}: recovered`,
      `Health is ${report.status} again at ${report.checkedAt}.`,
    );
    return 'recovered';
  }
  return undefined;
}

/** Keeps the last status in memory, for one process and for tests. */
export class MemoryHealthState implements HealthStateStore {
  private status: HealthStatus | undefined;

  async lastStatus() {
    return this.status;
  }

  async saveStatus(status: HealthStatus) {
    this.status = status;
  }
}

/** Where the last status is kept in the object store. */
export const HEALTH_STATE_KEY = 'state/health.json';

/**
 * Keeps the last status as a small object, so that scheduled runs in
 * separate function instances agree on what was already alerted.
 */
export class ObjectHealthState implements HealthStateStore {
  constructor(private readonly objects: ObjectStore) {}

  async lastStatus(): Promise<HealthStatus | undefined> {
    if (!(await this.objects.head(HEALTH_STATE_KEY))) return undefined;
    const state = await this.objects.getJson<{ status?: HealthStatus }>(HEALTH_STATE_KEY);
    return state.status;
  }

  async saveStatus(status: HealthStatus): Promise<void> {
    await this.objects.putJson(HEALTH_STATE_KEY, { status, savedAt: new Date().toISOString() });
  }
}
