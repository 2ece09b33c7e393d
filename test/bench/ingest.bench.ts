// Speed and memory of an end-to-end load into a fresh embedded store.
// Generates the files (seed 1) once into the system's temp folder, then runs
// `apilados ingest --json` in a child process per size and prints rows per
// second and peak resident memory. Sizes: BENCH_SIZES=100000,1000000.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeCctCatalogueCsv, writeParticipationsCsv } from '@apilados/generator';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../packages/cli/bin/apilados.js', import.meta.url));
const DIR = join(tmpdir(), 'apilados-bench');
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);

mkdirSync(DIR, { recursive: true });
console.log('rows       | rows/s  | wall s | peak RSS MB | entries/row | failed | warnings');
for (const rows of SIZES) {
  const file = join(DIR, `participaciones-${rows}.csv`);
  const ccts = join(DIR, `ccts-${rows}.csv`);
  if (!existsSync(file) || !existsSync(ccts)) {
    await writeParticipationsCsv(file, { rows, seed: 1 });
    await writeCctCatalogueCsv(ccts, { rows, seed: 1 });
  }
  const db = join(DIR, `load-${rows}`, 'apilados.db');
  rmSync(join(DIR, `load-${rows}`), { recursive: true, force: true });

  // The bin runs as users run it, with the Node flags of its first line.
  const { stdout } = await run(
    BIN,
    ['ingest', file, '--ccts', ccts, '--db', db, '--json'],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string; code?: number }) => {
    if (error.code === 2 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const s = JSON.parse(stdout);
  const entries = Object.values(s.created as Record<string, number>).reduce((a, b) => a + b, 0);
  console.log(
    [
      String(rows).padEnd(10),
      String(s.rowsPerSecond).padStart(7),
      (s.elapsedMs / 1000).toFixed(1).padStart(6),
      String(s.peakRssMb).padStart(11),
      (entries / s.rows.read).toFixed(1).padStart(11),
      String(s.rows.failed).padStart(6),
      String(s.rows.warnings).padStart(8),
    ].join(' | '),
  );
  rmSync(join(DIR, `load-${rows}`), { recursive: true, force: true });
}
