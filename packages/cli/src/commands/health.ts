import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { existsSync } from 'node:fs';
import { loadSettings } from '@apilados/config';
import { InProcessBus } from '@apilados/event-bus';
import {
  catalogueCheck,
  createHealth,
  memoryCheck,
  objectStoreCheck,
  recordStoreCheck,
  statusValue,
  type HealthCheck,
  type HealthReport,
} from '@apilados/health';
import { FsObjectStore } from '@apilados/object-store';
import { createLogger } from '@apilados/observability';
import { SqliteRecordStore } from '@apilados/record-store';
import { cmsChecks } from '../cms.js';

/** Options shared by the health commands. */
export interface HealthOptions {
  readonly environment: string;
  readonly db: string;
  /** False with `--no-api`: the CMS is not contacted. */
  readonly api: boolean;
  readonly verbose?: boolean;
}

/** Runs every check once for `options.environment`. */
export async function runHealth(options: HealthOptions): Promise<HealthReport> {
  const settings = loadSettings({ ...process.env, ENVIRONMENT: options.environment });
  const common = [
    objectStoreCheck(new FsObjectStore(join(dirname(options.db), 'objects'))),
    memoryCheck({ limitBytes: getHeapStatistics().heap_size_limit }),
    ...(options.api ? await cmsChecks(settings) : []),
  ];
  const check = (checks: HealthCheck[]) =>
    createHealth({
      checks,
      bus: new InProcessBus(),
      logger: createLogger('health'),
      environment: settings.environment,
    }).check();

  // A missing store is not created: nothing was loaded there yet, or the
  // path is mistyped.
  if (!existsSync(options.db)) {
    const missing = `no embedded store at ${options.db}`;
    return check([
      {
        name: 'record-store',
        run: async () => ({
          status: 'warning',
          message: `${missing}: nothing was loaded there yet, or --db is mistyped`,
          details: { store: `sqlite:${options.db}` },
        }),
      },
      ...common,
      catalogueCheck(async () => ({ mode: 'none', entries: 0, reason: missing })),
    ]);
  }

  const store = SqliteRecordStore.open(options.db);
  try {
    return await check([
      recordStoreCheck(store),
      ...common,
      catalogueCheck(async () => {
        const entries = store.countOf('ccts');
        return entries > 0
          ? { mode: 'on-demand', entries, reason: `${entries} CCTs in the embedded store` }
          : { mode: 'none', entries: 0, reason: 'the embedded store holds no CCTs; load with --ccts' };
      }),
    ]);
  } finally {
    await store.close();
  }
}

/** The exit code of a report: 0 healthy, 1 warning, 2 critical. */
export function healthExitCode(report: HealthReport): number {
  return statusValue(report.status);
}

const MARK = { healthy: 'ok  ', warning: 'WARN', critical: 'CRIT' } as const;

/** The report as lines for a person. */
export function formatHealth(report: HealthReport, verbose = false): string {
  const lines = [
    `Apilados pipeline health (${report.environment}) at ${report.checkedAt}: ` +
      report.status.toUpperCase(),
  ];
  for (const c of report.checks) {
    lines.push(`  ${MARK[c.status]} ${c.name.padEnd(14)} ${c.message} (${c.durationMs} ms)`);
    if (verbose && Object.keys(c.details).length > 0) {
      lines.push(`       ${JSON.stringify(c.details)}`);
    }
  }
  return lines.join('\n');
}

/** `health check`: prints the report; exit code by status. */
export async function healthCheck(options: HealthOptions & { json?: boolean }): Promise<number> {
  const report = await runHealth(options);
  process.stdout.write(
    (options.json ? JSON.stringify({ health: report }) : formatHealth(report, options.verbose)) + '\n',
  );
  return healthExitCode(report);
}

/** `health report`: writes `{ "health": report }` as JSON to a file. */
export async function healthReport(options: HealthOptions & { output: string }): Promise<number> {
  const report = await runHealth(options);
  await mkdir(dirname(options.output), { recursive: true });
  await writeFile(options.output, JSON.stringify({ health: report }, null, 2) + '\n');
  process.stdout.write(`health report (${report.status}) written to ${options.output}\n`);
  return healthExitCode(report);
}

/**
 * `health monitor`: checks every `interval` seconds and prints each change
 * of the overall status or of a check, until interrupted (or `count` runs).
 */
export async function healthMonitor(
  options: HealthOptions & { interval: number; count?: number },
): Promise<number> {
  let previous: HealthReport | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (let run = 1; !stopped; run++) {
      const report = await runHealth(options);
      for (const line of changes(previous, report)) process.stdout.write(line + '\n');
      previous = report;
      if (options.count !== undefined && run >= options.count) break;
      await sleep(options.interval * 1000, () => stopped);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return previous ? healthExitCode(previous) : 0;
}

function changes(before: HealthReport | undefined, now: HealthReport): string[] {
  const at = now.checkedAt;
  if (!before) {
    return [`${at} overall ${now.status}`, ...now.checks
      .filter((c) => c.status !== 'healthy')
      .map((c) => `${at}   ${c.name} ${c.status}: ${c.message}`)];
  }
  const lines: string[] = [];
  if (before.status !== now.status) lines.push(`${at} overall ${before.status} -> ${now.status}`);
  for (const c of now.checks) {
    const was = before.checks.find((b) => b.name === c.name)?.status ?? 'healthy';
    if (was !== c.status) lines.push(`${at}   ${c.name} ${was} -> ${c.status}: ${c.message}`);
  }
  return lines;
}

async function sleep(ms: number, stopped: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!stopped() && Date.now() < until) {
    await new Promise((r) => setTimeout(r, Math.min(200, until - Date.now())));
  }
}
