/**
 * Measures the generator: rows per second, bytes per 100,000 rows and peak
 * resident memory. Prints counts only, never a generated value.
 *
 *   npx tsx packages/generator/bench/generate.bench.ts [rows]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeParticipationsCsv } from '../src/index.js';

const rows = Number(process.argv[2] ?? 100_000);
const folder = await mkdtemp(join(tmpdir(), 'apilados-generator-'));

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

try {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await writeParticipationsCsv(join(folder, 'bench.csv'), {
    rows,
    seed: 1,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);

  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(JSON.stringify({
    rows: result.rows,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(result.rows / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    rowsPerCpuSecond: Math.round(result.rows / cpuSeconds),
    fileMiB: Number(mib(result.bytes)),
    MiBPer100kRows: Number(mib((result.bytes / result.rows) * 100_000)),
    peakRssMiB: Number(mib(peakRss)),
    people: result.people,
    peopleInTwoImplementations: result.peopleInTwoImplementations,
    malformed: result.malformed,
  }, null, 2));
} finally {
  clearInterval(sampler);
  await rm(folder, { recursive: true, force: true });
}
