// Command-line inputs that end in a stack trace or destroy data.
// README: exit 1 when "the file was refused, the store could not be reached,
// a setting is invalid, or the load stopped (one line on stderr says why)".
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { HEADER, ingest, put, query, row, summaryOf } from './helpers.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('apilados-attack-');
});
afterEach(() => dir.remove());

const oneLine = (stderr: string) => stderr.trim().split('\n').length;

describe('paths that are not a readable file', () => {
  it('a symlink loop is refused with one line, not an ELOOP stack trace', async () => {
    symlinkSync('b.csv', join(dir.path, 'a.csv'));
    symlinkSync('a.csv', join(dir.path, 'b.csv'));

    const run = await ingest(dir.path, join(dir.path, 'a.csv'));

    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(oneLine(run.stderr)).toBe(1);
  });

  it('an empty path is refused with one line, not an InvalidKeyError stack trace', async () => {
    const run = await ingest(dir.path, '');

    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(oneLine(run.stderr)).toBe(1);
  });
});

describe('--report', () => {
  // The rows are loaded, then copying the report fails: today an EISDIR
  // stack trace replaces the summary and the exit code says 1.
  it('pointing at a directory still prints the summary and at most one stderr line', async () => {
    mkdirSync(join(dir.path, 'reports'));
    const file = put(dir.path, 'people.csv', `${HEADER}\n${row(1, { edad: 'abc' })}\n`);

    const run = await ingest(dir.path, file, ['--report', join(dir.path, 'reports')]);

    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(summaryOf(run)?.status).toBe('completed');
  });

  it('naming the --db file is refused before anything is loaded, and the store stays whole', async () => {
    const first = put(dir.path, 'first.csv', `${HEADER}\n${row(1)}\n${row(2)}\n`);
    await ingest(dir.path, first);
    const second = put(dir.path, 'second.csv', `${HEADER}\n${row(3, { edad: 'abc' })}\n`);

    const run = await ingest(dir.path, second, ['--report', join(dir.path, 'store.db')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `apilados: --report ${join(dir.path, 'store.db')} would overwrite the store; name another file\n`,
    );
    expect(query(dir.path, 'SELECT id_externo FROM participantes ORDER BY id_externo'))
      .toEqual([{ id_externo: '1' }, { id_externo: '2' }]);
  });
});
