import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { InProcessBus } from '@apilados/event-bus';
import type { DomainEvent } from '@apilados/events';
import { FsObjectStore } from '@apilados/object-store';
import { SqliteRecordStore } from '@apilados/record-store';
import { tempDir } from '../../../test/support/temp-dir.js';
import { alertOnChange, MemoryHealthState } from './alerting.js';
import { catalogueCheck } from './checks/catalogue-check.js';
import { memoryCheck } from './checks/memory-check.js';
import { objectStoreCheck } from './checks/object-store-check.js';
import { recordStoreCheck } from './checks/record-store-check.js';
import { createHealth, type HealthReport } from './health.js';
import { healthMetrics } from './health-metrics.js';
import { runCheck } from './check.js';

const MB = 1024 * 1024;
const logger = new Logger({ logLevel: 'SILENT' });
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('memory check', () => {
  const status = async (usedMb: number) =>
    (await runCheck(memoryCheck({ limitBytes: 100 * MB, usedBytes: () => usedMb * MB }))).status;

  it('is healthy below 70 %, a warning from 70 % and critical from 85 %', async () => {
    expect([await status(69.9), await status(70), await status(84.9), await status(85)]).toEqual([
      'healthy', 'warning', 'warning', 'critical',
    ]);
  });

  it('says how much is used and what to do', async () => {
    const result = await runCheck(memoryCheck({ limitBytes: 1000 * MB, usedBytes: () => 900 * MB }));
    expect(result.message).toBe(
      'memory use 90% (900 MB of 1000 MB); lower CHUNK_SIZE or CCTS_MAX_MEMORY_MB, or raise the memory size',
    );
    expect(result.details).toEqual({ usedBytes: 900 * MB, limitBytes: 1000 * MB, percent: 90 });
  });
});

describe('object store check', () => {
  it('is healthy when a probe can be written, read and removed', async () => {
    const result = await runCheck(objectStoreCheck(new FsObjectStore(dir.path), () => 1));
    expect(result.status).toBe('healthy');
  });

  it('is critical when the store cannot be written', async () => {
    writeFileSync(join(dir.path, 'file'), 'x');
    const store = new FsObjectStore(join(dir.path, 'file'));

    const result = await runCheck(objectStoreCheck(store, () => 1));

    expect(result.status).toBe('critical');
    expect(result.message).toMatch(/^object store fs:.*\/file is not writable: .*uploads cannot be chunked until it is$/);
  });
});

describe('record store check', () => {
  it('is healthy while the store answers and critical once it does not', async () => {
    const store = SqliteRecordStore.open(join(dir.path, 'db.sqlite'));
    const before = await runCheck(recordStoreCheck(store));
    await store.close();

    const after = await runCheck(recordStoreCheck(store));

    expect(before.status).toBe('healthy');
    expect(after.status).toBe('critical');
    expect(after.message).toContain('does not answer');
  });
});

describe('catalogue check', () => {
  it('warns when no catalogue is available and is healthy when one is', async () => {
    const none = await runCheck(catalogueCheck(async () => ({ mode: 'none', entries: 0, reason: 'missing file' })));
    const loaded = await runCheck(catalogueCheck(async () => ({ mode: 'preloaded', entries: 300000, reason: 'fits' })));

    expect([none.status, none.message]).toEqual([
      'warning', 'no CCT catalogue: schools will not be linked (missing file)',
    ]);
    expect([loaded.status, loaded.message]).toEqual([
      'healthy', 'CCT catalogue preloaded with 300000 entries (fits)',
    ]);
  });
});

describe('health service', () => {
  it('reports the worst check as the overall status and announces it on the bus', async () => {
    const bus = new InProcessBus();
    const seen: DomainEvent[] = [];
    bus.listen((e) => seen.push(e));
    const health = createHealth({
      bus, logger, environment: 'test', now: () => new Date('2026-01-01T00:00:00Z'),
      checks: [
        { name: 'a', run: async () => ({ status: 'healthy', message: 'fine', details: {} }) },
        { name: 'b', run: async () => ({ status: 'warning', message: 'meh', details: {} }) },
        { name: 'c', run: async () => { throw new Error('boom'); } },
      ],
    });

    const report = await health.check();

    expect(report.status).toBe('critical');
    expect(report.checks.map((c) => [c.name, c.status, c.message])).toEqual([
      ['a', 'healthy', 'fine'],
      ['b', 'warning', 'meh'],
      ['c', 'critical', 'check failed: boom'],
      ['event-bus', 'healthy', 'the event bus accepted the Health Reported event'],
    ]);
    expect(seen.map((e) => [e['detail-type'], (e.detail as { status: string }).status])).toEqual([
      ['Health Reported', 'critical'],
    ]);
  });

  it('reports a bus that refuses events as critical', async () => {
    const bus = { publish: async () => { throw new Error('AccessDenied'); } };
    const health = createHealth({ bus, logger, environment: 'test', checks: [] });

    const report = await health.check();

    expect(report.status).toBe('critical');
    expect(report.checks[0]!.message).toBe(
      'the event bus refused events: AccessDenied; chunks cannot move between services',
    );
  });

  it('publishes OverallHealthStatus and MemoryUsagePercentage', () => {
    const report: HealthReport = {
      environment: 'x', status: 'warning', checkedAt: '', checks: [
        { name: 'memory', status: 'warning', message: '', durationMs: 1, details: { percent: 72.5 } },
      ],
    };
    expect(healthMetrics(report)).toEqual([
      { name: 'OverallHealthStatus', unit: 'Count', value: 1 },
      { name: 'MemoryUsagePercentage', unit: 'Percent', value: 72.5 },
    ]);
  });
});

describe('alerts', () => {
  const report = (status: HealthReport['status']): HealthReport => ({
    environment: 'production', status, checkedAt: '2026-01-01T00:00:00Z',
    checks: [{ name: 'cms', status, message: 'CMS down', durationMs: 1, details: {} }],
  });

  it('alerts once when the status becomes critical, not on every run while it stays so, and once on recovery', async () => {
    const sent: string[] = [];
    const notifier = { notify: async (subject: string) => { sent.push(subject); } };
    const state = new MemoryHealthState();

    for (const status of ['healthy', 'critical', 'critical', 'critical', 'warning', 'warning'] as const) {
      await alertOnChange(report(status), notifier, state);
    }

    expect(sent).toEqual([
      'Apilados pipeline production: CRITICAL',
      'Apilados pipeline production: recovered',
    ]);
  });

  it('names the failing checks in the alert and nothing else', async () => {
    let body = '';
    await alertOnChange(report('critical'), { notify: async (_s, m) => { body = m; } }, new MemoryHealthState());
    expect(body).toBe('Health became critical at 2026-01-01T00:00:00Z.\n- cms: CMS down');
  });
});
