import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@apilados/domain';
import { runCli } from '../support/cli.js';
import { CATALOGUE, HEADERS, csvText, row } from '../support/csv-text.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
const path = (name: string) => join(dir.path, name);

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path('ccts.csv'), CATALOGUE);
  writeFileSync(
    path('good.csv'),
    csvText([HEADERS, row({ ID: 'P-1', CURP: 'PEPA900101MDFRRN09' }), row({ ID: 'P-2', Email: 'luis@example.mx' })]),
  );
  writeFileSync(
    path('failing.csv'),
    csvText([HEADERS, row({ ID: '=HYPERLINK("x")', 'Programa': '' }), row({ ID: 'P-7', Email: 'p7@example.mx' })]),
  );
});
afterAll(() => dir.remove());

describe('apilados ingest', () => {
  it('prints one JSON summary with every collection and exits 0 when every row loads', async () => {
    const run = await runCli(['ingest', path('good.csv'), '--ccts', path('ccts.csv'), '--db', path('a/db.sqlite'), '--json']);

    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.rows).toEqual({ read: 2, loaded: 2, failed: 0, warnings: 1 });
    expect(Object.keys(summary.created).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(summary.created.participantes).toBe(2);
    expect(summary.status).toBe('completed');
  });

  it('exits 2 and names failed rows in the report, with formula cells neutralised', async () => {
    const run = await runCli([
      'ingest', path('failing.csv'), '--db', path('b/db.sqlite'), '--report', path('b/errors.csv'), '--json',
    ]);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).rows).toEqual({ read: 2, loaded: 1, failed: 1, warnings: 0 });
    expect(readFileSync(path('b/errors.csv'), 'utf8')).toBe(
      'row,participant_id,column,value,severity,reason\n' +
        `2,"'=HYPERLINK(""x"")",programa,,error,required column 'programa' is empty\n`,
    );
  });

  it('always writes the report asked for, even with no problem', async () => {
    const run = await runCli(['ingest', path('good.csv'), '--ccts', path('ccts.csv'), '--db', path('c/db.sqlite'), '--report', path('c/errors.csv')]);

    expect(run.code).toBe(0);
    expect(readFileSync(path('c/errors.csv'), 'utf8')).toContain('row,participant_id,column,value,severity,reason\n');
    expect(run.stdout).toMatch(/good\.csv: loaded\n {2}rows {6}read 2 · loaded 2 · failed 0/);
  });

  it('exits 1 with a one-line reason when the file is refused', async () => {
    writeFileSync(path('book.csv'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));

    const run = await runCli(['ingest', path('book.csv'), '--db', path('d/db.sqlite')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "apilados: book.csv: is an Excel workbook (.xlsx) or another zip archive, not CSV; save it from Excel as 'CSV UTF-8' and upload that\n",
    );
  });

  it('exits 1 naming a bad setting', async () => {
    const run = await runCli(['ingest', path('good.csv'), '--db', path('e/db.sqlite')], { CHUNK_SIZE: 'lots' });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "apilados: invalid settings: CHUNK_SIZE must be a whole number from 1 to 100000, got 'lots'\n",
    );
  });

  it('exits 1 when the store cannot be opened', async () => {
    writeFileSync(path('not-a-folder'), 'x');

    const run = await runCli(['ingest', path('good.csv'), '--db', path('not-a-folder/db.sqlite')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^apilados: record store sqlite:.*not-a-folder\/db\.sqlite is unavailable: .*\n$/);
  });

  it('writes nothing with --dry-run', async () => {
    const run = await runCli(['ingest', path('good.csv'), '--db', path('f/db.sqlite'), '--dry-run', '--json']);

    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.dryRun).toBe(true);
    expect(summary.rows.loaded).toBe(2);
    expect(Object.values(summary.created).every((n) => n === 0)).toBe(true);
  });

  it('never writes personal data to its logs, even at debug level', async () => {
    const run = await runCli(
      ['ingest', path('good.csv'), '--ccts', path('ccts.csv'), '--db', path('g/db.sqlite'), '--verbose'],
      { POWERTOOLS_LOG_LEVEL: 'DEBUG' },
    );

    const output = run.stdout + run.stderr;
    expect(output).toContain('"message":"chunk persisted"');
    for (const secret of ['Ana', 'Pérez', 'ana@example.mx', 'luis@example.mx', 'PEPA900101MDFRRN09']) {
      expect(output).not.toContain(secret);
    }
    expect(existsSync(path('g/db.sqlite'))).toBe(true);
  });

  it('links schools on demand when preloading is switched off', async () => {
    const run = await runCli(
      ['ingest', path('good.csv'), '--ccts', path('ccts.csv'), '--db', path('h/db.sqlite'), '--json'],
      { CCTS_USE_PRELOADING: 'false' },
    );

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).cct).toEqual({ mode: 'on-demand', entries: 2 });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path('h/db.sqlite'), { readonly: true });
    expect(db.prepare('SELECT cct FROM participantes ORDER BY id').all()).toEqual([{ cct: 7 }, { cct: 7 }]);
    db.close();
  });

  it('warns and goes on without the catalogue when it cannot be used', async () => {
    writeFileSync(path('bad-ccts.csv'), 'codigo;escuela\n01DJN0002D;7\n');

    const run = await runCli(['ingest', path('good.csv'), '--ccts', path('bad-ccts.csv'), '--db', path('i/db.sqlite'), '--json']);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^apilados: warning: CCT catalogue not used: .*expected the header "id,clave", found "codigo;escuela"\n$/);
    expect(JSON.parse(run.stdout).rows.loaded).toBe(2);
  });
});
