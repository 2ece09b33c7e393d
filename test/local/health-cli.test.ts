import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { CATALOGUE, HEADERS, csvText, row } from '../support/csv-text.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
const path = (name: string) => join(dir.path, name);

beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

describe('apilados health', () => {
  it('exits 1 with a warning when no CCT catalogue is loaded', async () => {
    const run = await runCli(['health', 'check', '--no-api', '--db', path('a/db.sqlite')]);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Apilados pipeline health \(local\) at .*: WARNING\n/);
    expect(run.stdout).toContain('  WARN cct-catalogue  no CCT catalogue: schools will not be linked');
  });

  it('exits 0 when every check is healthy', async () => {
    writeFileSync(path('ccts.csv'), CATALOGUE);
    writeFileSync(path('f.csv'), csvText([HEADERS, row()]));
    await runCli(['ingest', path('f.csv'), '--ccts', path('ccts.csv'), '--db', path('b/db.sqlite')]);

    const run = await runCli(['health', 'check', '--no-api', '--db', path('b/db.sqlite')]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(': HEALTHY\n');
  });

  it('warns, without creating it, when no store exists at --db', async () => {
    const run = await runCli(['health', 'check', '--no-api', '--db', path('typo/db.sqlite')]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `  WARN record-store   no embedded store at ${path('typo/db.sqlite')}: ` +
        'nothing was loaded there yet, or --db is mistyped',
    );
    const { existsSync } = await import('node:fs');
    expect(existsSync(path('typo/db.sqlite'))).toBe(false);
  });

  it('exits 2 when the object store cannot be written', async () => {
    mkdirSync(path('c'));
    writeFileSync(path('c/objects'), 'not a folder');

    const run = await runCli(['health', 'check', '--no-api', '--db', path('c/db.sqlite')]);

    expect(run.code).toBe(2);
    expect(run.stdout).toContain('CRIT object-store');
  });

  it('writes a report whose checks carry name, status, message, durationMs and details', async () => {
    const run = await runCli(['health', 'report', '--no-api', '--db', path('b/db.sqlite'), '--output', path('r/health.json')]);

    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(path('r/health.json'), 'utf8'));
    expect(report.health.status).toBe('healthy');
    expect(report.health.checks.map((c: { name: string }) => c.name)).toEqual([
      'record-store', 'object-store', 'memory', 'cct-catalogue', 'event-bus',
    ]);
    for (const check of report.health.checks) {
      expect(Object.keys(check).sort()).toEqual(['details', 'durationMs', 'message', 'name', 'status']);
      expect(['healthy', 'warning', 'critical']).toContain(check.status);
    }
  });

  it('prints the status once when it does not change between runs', async () => {
    const run = await runCli(['health', 'monitor', '--no-api', '--db', path('b/db.sqlite'), '--interval', '1', '--count', '2']);

    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^\S+ overall healthy\n$/);
  });
});
