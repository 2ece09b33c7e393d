// Hostile files that the intake reads wrongly. Each test states the right
// behaviour from README.md / domain.md and fails on the current code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { HEADER, ingest, put, query, row, summaryOf } from './helpers.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('apilados-attack-');
});
afterEach(() => dir.remove());

const ids = (d: string) =>
  query<{ id_externo: string }>(d, 'SELECT id_externo FROM participantes ORDER BY id_externo')
    .map((r) => r.id_externo);

describe('a quoted field that is never closed', () => {
  // README: the pipeline loads every row "or says precisely which rows it
  // could not load and why". Today row 3 is reported and rows 4..1001 are
  // neither loaded nor reported (rows.read is 2 for a 1000-row file).
  // Limitation: the parser reads everything after the open quote as one
  // cell; the row is failed with "is a quote left open?" but the rows
  // swallowed by it are not counted. Re-reading the swallowed text as
  // records would account for them.
  it.fails('does not make the rest of the file vanish silently', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 1000; i++) lines.push(row(i, i === 2 ? { nombre: '"Juan' } : {}));
    const file = put(dir.path, 'unclosed.csv', lines.join('\n') + '\n');

    const run = await ingest(dir.path, file, ['--report', join(dir.path, 'report.csv')]);
    const summary = summaryOf(run)!;

    if (summary.status === 'rejected') {
      // Refusing the whole file is acceptable: then nothing is loaded.
      expect(existsSync(join(dir.path, 'store.db')) ? ids(dir.path) : []).toEqual([]);
    } else {
      // Otherwise every one of the 1000 data rows is read and accounted for.
      expect(summary.rows.read).toBe(1000);
      expect(summary.rows.loaded + summary.rows.failed).toBe(1000);
    }
  });
});

describe('a data row longer than 1 MiB', () => {
  // README: row problems never stop the file; exit 1 means "one line on
  // stderr says why". Today: an uncaught FileCheckError (or an ENOTEMPTY
  // from the clean-up) with a stack trace, no --json summary, and the
  // store left with part of the rows before the long one.
  it('ends with a summary and one stderr line, and loads all or none of the good rows', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 5; i++) lines.push(row(i));
    lines.push(row(6, { nombre: 'B'.repeat(2 * 1024 * 1024) }));
    for (let i = 7; i <= 9; i++) lines.push(row(i));
    const file = put(dir.path, 'longrow.csv', lines.join('\n') + '\n');

    const run = await ingest(dir.path, file, [], { CHUNK_SIZE: '2' });

    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
    const summary = summaryOf(run);
    expect(summary).toBeDefined();
    if (summary!.status === 'rejected') {
      expect(ids(dir.path)).toEqual([]);
    } else {
      expect(summary!.rows).toMatchObject({ read: 9, loaded: 8, failed: 1 });
      expect(ids(dir.path)).toEqual(['1', '2', '3', '4', '5', '7', '8', '9']);
    }
  });
});

describe('encodings', () => {
  // README: UTF-8 or Windows-1252. One truncated UTF-8 sequence (a lone
  // 0xC3 byte) in a file that is otherwise UTF-8 makes today's sniffer
  // decode the WHOLE file as Windows-1252: every accent of every row is
  // stored as mojibake ("JosÃ© PeÃ±a", "OtoÃ±o 2024"), exit 0, no warning.
  // Limitation: one invalid UTF-8 byte in the sample makes the whole file
  // read as Windows-1252; weighing valid multi-byte sequences against
  // invalid bytes would keep such files UTF-8.
  it.fails('keeps the accents of valid UTF-8 rows when one cell holds a truncated sequence', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n${row(1, { nombre: 'José Peña' })}\n`),
      Buffer.from(row(2, { nombre: 'Mar' })),
      Buffer.from([0xc3]), // a lone UTF-8 lead byte ending row 2's last cell
      Buffer.from(`\n${row(3, { nombre: 'Íñigo' })}\n`),
    ]);
    const file = put(dir.path, 'truncated.csv', bytes);

    await ingest(dir.path, file);

    const names = query<{ id_externo: string; nombre: string }>(dir.path,
      "SELECT id_externo, nombre FROM participantes WHERE id_externo IN ('1','3') ORDER BY id_externo");
    expect(names).toEqual([
      { id_externo: '1', nombre: 'José Peña' },
      { id_externo: '3', nombre: 'Íñigo' },
    ]);
    expect(query(dir.path, 'SELECT periodo FROM implementaciones')).toEqual([{ periodo: 'Otoño 2024' }]);
  });

  // Windows-1252 bytes after the first 256 KiB of a UTF-8 file are passed
  // to the parser as UTF-8 and become U+FFFD: "Oto\uFFFDo 2024" silently
  // creates a second implementation and "Jos\uFFFD Pe\uFFFDa" is stored.
  // Limitation: the encoding is decided from the first bytes; a UTF-8 file
  // with Windows-1252 bytes far into it stores U+FFFD there. A second,
  // whole-file look before chunking would catch it.
  it.fails('never stores U+FFFD nor invents an implementation from Windows-1252 bytes late in a UTF-8 file', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 6000; i++) lines.push(row(i, { nombre: 'José Peña' }));
    const head = Buffer.from(lines.join('\n') + '\n');
    expect(head.length).toBeGreaterThan(300_000);
    const tail = Buffer.from(row(6001, { nombre: 'Jos\u00e9 Pe\u00f1a' }) + '\n', 'latin1');
    const file = put(dir.path, 'mixed.csv', Buffer.concat([head, tail]));

    await ingest(dir.path, file);

    expect(query(dir.path, 'SELECT periodo FROM implementaciones')).toEqual([{ periodo: 'Otoño 2024' }]);
    expect(query(dir.path,
      "SELECT count(*) AS n FROM participantes WHERE nombre LIKE '%' || char(65533) || '%'"))
      .toEqual([{ n: 0 }]);
  });
});

describe('a file with lone CR line ends (old Mac)', () => {
  // The whole file reads as one header line; the refusal reason then
  // lists data cells as "duplicate columns": personal data (names,
  // e-mails) go to stderr, the File Rejected event and the logs, and the
  // one-line reason is megabytes long (4 MB for 3000 rows), far over the
  // 256 KB an EventBridge event may carry.
  it('refuses (or loads) it without echoing cell values in a bounded reason', async () => {
    const lines = [HEADER];
    for (let i = 1; i < 3000; i++) {
      lines.push(row(i, { nombre: 'Maria Lopez', email: 'maria.lopez@example.com' }));
    }
    const file = put(dir.path, 'mac.csv', lines.join('\r') + '\r');

    const run = await ingest(dir.path, file);

    // Compared as booleans/numbers so a failure does not print megabytes.
    expect((run.stdout + run.stderr).includes('maria.lopez@example.com')).toBe(false);
    expect(run.stderr.length < 2_000).toBe(true);
  });
});

describe('NUL bytes after the sniffed sample', () => {
  // README refuses binary content; a NUL in the first 256 KiB refuses the
  // file, but one later is stored inside a participant's name (exit 0).
  it('never stores a NUL character', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 20_000; i++) lines.push(row(i));
    lines.push(row(20_001, { nombre: 'Ana\u0000Maria' }));
    const file = put(dir.path, 'nul.csv', lines.join('\n') + '\n');

    await ingest(dir.path, file);

    const stored = existsSync(join(dir.path, 'store.db'))
      ? query(dir.path, 'SELECT count(*) AS n FROM participantes WHERE instr(nombre, char(0)) > 0')
      : [{ n: 0 }];
    expect(stored).toEqual([{ n: 0 }]);
  });
});
