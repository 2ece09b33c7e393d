/**
 * Benchmark of the CCT catalogue: preloading 300,000 entries and resolving
 * the codes of 100,000 rows. Prints figures; run from the repository root:
 *
 *   npx tsx --expose-gc test/bench/cct.bench.ts
 *
 * (`npx tsx test/bench/cct.bench.ts` works too, but without --expose-gc the
 * heap figures include uncollected garbage.)
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import {
  OnDemandCctResolver,
  PreloadedCctResolver,
  checkCatalogue,
  estimateCatalogueBytes,
  formatBytes,
  formatCatalogueCheck,
  loadCatalogue,
  normaliseCct,
} from '@apilados/cct-catalogue';
import type { CctResolver } from '@apilados/cct-catalogue';

const ENTRIES = 300_000;
const ROWS = 100_000;
const UNKNOWN_SHARE = 0.05;
const CHUNK_ROWS = 1_000;
const TARGET_PRELOAD_MS = 3_000;
const TARGET_PRELOAD_HEAP = 60 * 1024 * 1024;
const TARGET_RESOLVE_MS = 500;

const gc = (globalThis as { gc?: () => void }).gc;

/** Small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCode(next: () => number): string {
  const letter = (): string => String.fromCharCode(65 + Math.floor(next() * 26));
  const state = String(1 + Math.floor(next() * 32)).padStart(2, '0');
  const number = String(Math.floor(next() * 10_000)).padStart(4, '0');
  return state + letter() + letter() + letter() + number + letter();
}

/** Heap plus array buffers, after settling garbage when gc is exposed. */
async function memory(): Promise<number> {
  if (gc !== undefined) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function writeCatalogue(path: string): Promise<string[]> {
  const next = random(20_240_601);
  const seen = new Set<string>();
  while (seen.size < ENTRIES) seen.add(makeCode(next));
  const codes = [...seen];
  const out = createWriteStream(path);
  out.write('id,clave\r\n');
  let block = '';
  codes.forEach((code, i) => {
    block += `${i + 1},${code}\r\n`;
    if (block.length > 64_000) {
      out.write(block);
      block = '';
    }
  });
  out.end(block);
  await once(out, 'finish');
  return codes;
}

function makeRows(codes: string[]): string[] {
  const next = random(7);
  const known = new Set(codes);
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    if (next() < UNKNOWN_SHARE) {
      let code = makeCode(next);
      while (known.has(code)) code = makeCode(next);
      rows.push(code);
    } else {
      rows.push(codes[Math.floor(next() * codes.length)]!);
    }
  }
  // Spreadsheet spelling for a tenth of the rows: lower case, spaces.
  return rows.map((code, i) =>
    i % 10 === 0 ? ` ${code.slice(0, 5).toLowerCase()} ${code.slice(5)}` : code);
}

async function resolveRows(resolver: CctResolver, rows: string[]) {
  const started = performance.now();
  let found = 0;
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const chunk = rows.slice(at, at + CHUNK_ROWS).map(normaliseCct);
    const ids = await resolver.resolve([...new Set(chunk)]);
    for (const code of chunk) if (ids.get(code) != null) found += 1;
  }
  return { ms: performance.now() - started, found };
}

function verdict(ok: boolean): string {
  return ok ? 'within target' : 'OVER TARGET';
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cct-bench-'));
  try {
    const path = join(dir, 'ccts_export.csv');
    const codes = await writeCatalogue(path);
    const rows = makeRows(codes);
    const fileBytes = (await stat(path)).size;
    console.log(`node ${process.version}, gc exposed: ${gc !== undefined}`);
    console.log(`catalogue: ${ENTRIES.toLocaleString('en-US')} entries, ` +
      `${formatBytes(fileBytes)}`);

    const before = await memory();
    const buffersBefore = process.memoryUsage().arrayBuffers;
    let peak = before;
    let buffersPeak = buffersBefore;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.heapUsed + usage.arrayBuffers);
      buffersPeak = Math.max(buffersPeak, usage.arrayBuffers);
    }, 2);
    const started = performance.now();
    const { index, stats } = await loadCatalogue(createReadStream(path), {
      file: path,
    });
    const preloadMs = performance.now() - started;
    clearInterval(sampler);
    const heapDelta = (await memory()) - before;
    const estimate = estimateCatalogueBytes(fileBytes);

    console.log(`preload: ${preloadMs.toFixed(0)} ms ` +
      `(${verdict(preloadMs < TARGET_PRELOAD_MS)}: < ${TARGET_PRELOAD_MS} ms)`);
    console.log(`  entries ${stats.entries}, bad lines ${stats.badLines}`);
    console.log(`  heap+buffers after load: +${formatBytes(heapDelta)} ` +
      `(${verdict(heapDelta < TARGET_PRELOAD_HEAP)}: < 60 MB)`);
    console.log(`  peak sampled during load: +${formatBytes(peak - before)}` +
      ` (typed arrays and read buffers: ` +
      `+${formatBytes(buffersPeak - buffersBefore)}; the rest is ` +
      'short-lived strings awaiting collection)');
    console.log(`  index byteSize: ${index.byteSize} bytes ` +
      `(${formatBytes(index.byteSize)})`);
    console.log(`  estimate from file size: ${estimate} bytes ` +
      `(${formatBytes(estimate)}), ` +
      `${(estimate / index.byteSize).toFixed(2)}x measured byteSize, ` +
      `${(estimate / Math.max(1, peak - before)).toFixed(2)}x sampled peak`);

    const preloaded = new PreloadedCctResolver(index);
    await resolveRows(preloaded, rows.slice(0, 2_000)); // warm-up
    const fresh = new PreloadedCctResolver(index);
    const run = await resolveRows(fresh, rows);
    console.log(`resolve ${ROWS.toLocaleString('en-US')} rows preloaded: ` +
      `${run.ms.toFixed(0)} ms ` +
      `(${verdict(run.ms < TARGET_RESOLVE_MS)}: < ${TARGET_RESOLVE_MS} ms), ` +
      `rows with an id ${run.found}`);
    console.log(`  stats ${JSON.stringify(fresh.stats())}`);

    const cms = new Map(codes.map((code, i) => [code, i + 1] as const));
    let claves = 0;
    const onDemand = new OnDemandCctResolver({
      fetchIds: async (asked) => {
        claves += asked.length;
        const found = new Map<string, number>();
        for (const clave of asked) {
          const id = cms.get(clave);
          if (id !== undefined) found.set(clave, id);
        }
        return found;
      },
    });
    const demand = await resolveRows(onDemand, rows);
    const demandStats = onDemand.stats();
    console.log(`resolve ${ROWS.toLocaleString('en-US')} rows on demand ` +
      `(in-memory CMS, no latency): ${demand.ms.toFixed(0)} ms, ` +
      `rows with an id ${demand.found}, claves sent ${claves}`);
    console.log(`  stats ${JSON.stringify(demandStats)}`);

    console.log('\n`apilados ccts check` output (budget 64 MB):');
    console.log(formatCatalogueCheck(await checkCatalogue(path, {
      budgetMb: 64,
    })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
