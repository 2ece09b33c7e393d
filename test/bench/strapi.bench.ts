/**
 * Benchmark of loading into Strapi through the `StrapiRecordStore`. Prints
 * figures (never a generated value); run from the repository root:
 *
 *   npx tsx test/bench/strapi.bench.ts
 *
 * 1. Starts a local Strapi and measures its ceiling: entries created per
 *    second by a plain client posting new entries, 8 in flight, ~10 s
 *    after a 3 s warm-up, in the mix a load creates.
 * 2. On a fresh Strapi, loads generated rows (2,000, or BENCH_ROWS) with
 *    a probe GET once a second: wall time, rows/s, entries/s, requests per
 *    row and per created entry, probe p95.
 * 3. Loads the same file again with a new store: requests per row, entries
 *    created, wall time, and per collection the GETs, their latency and the
 *    share of the wall time when one of them was in flight.
 * 4. Checks the CMS against the embedded store loaded with the same file.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '@apilados/config';
import type { CollectionName } from '@apilados/domain';
import { writeParticipationsCsv } from '@apilados/generator';
import {
  LocalRuntime,
  prepareCmsCatalogue,
  type LoadResult,
} from '@apilados/local-runtime';
import { createLogger } from '@apilados/observability';
import { StrapiRecordStore, strapiStoreOptions } from '@apilados/record-store';
import { openLocal } from '../support/local.js';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';
import { duplicateKeys, entityGraph } from '../strapi-store/support/entity-graph.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000);
const CATALOGUE_SIZE = 300;
const CEILING_MS = 10_000;
const WARM_UP_MS = 3_000;
const IN_FLIGHT = 8;
const TARGETS = {
  ceilingShare: 0.9,
  requestsPerCreated: 1.02,
  probeP95Ms: 500,
  secondRequestsPerRow: 0.1,
  secondWallMs: 3_000,
};

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
const folder = await mkdtemp(join(tmpdir(), 'apilados-strapi-bench-'));
const out = (line: string) => console.log(line);

try {
  out(`Strapi bench: ${ROWS} rows, catalogue of ${CATALOGUE_SIZE} CCTs`);
  const before = await withStrapi((cms) => measureCeiling(cms));
  out(`ceiling before   ${describeRate(before)} (fresh Strapi, plain client, ${IN_FLIGHT} in flight)`);

  await withStrapi(async (cms) => {
    const codes = await seedCatalogue(cms, folder);
    const file = join(folder, 'participaciones.csv');
    await writeParticipationsCsv(file, { rows: ROWS, seed: 7, catalogue: { codes } });

    const first = await timedLoad(cms, file, true);
    const gets = watchGets();
    const second = await timedLoad(cms, file, false);
    gets.stop();
    await compareWithEmbedded(cms, file, folder);
    const after = await measureCeiling(cms);
    const ceiling = before.perSecond >= after.perSecond ? before : after;
    out(`ceiling after    ${describeRate(after)} (same Strapi, after the loads)`);

    const created = sum(first.created);
    const firstSeconds = first.wallMs / 1000;
    const entriesPerSecond = created / firstSeconds;
    const perCreated = first.requests / created;
    const cpuPerEntry = first.strapiCpuMs / created;
    const cpuShare = Math.min(before.cpuMsPerEntry, after.cpuMsPerEntry) / cpuPerEntry;
    out(`first load (ceiling taken as the higher, ${ceiling.perSecond.toFixed(1)} entries/s)`);
    out(`  wall           ${firstSeconds.toFixed(1)} s`);
    out(`  rows/s         ${(ROWS / firstSeconds).toFixed(1)}`);
    out(`  created        ${created} entries, ${entriesPerSecond.toFixed(1)} entries/s` +
      ` = ${pct(entriesPerSecond / ceiling.perSecond)} of ceiling` +
      ` ${mark(entriesPerSecond >= TARGETS.ceilingShare * ceiling.perSecond)}`);
    out(`  Strapi CPU     ${cpuPerEntry.toFixed(2)} ms per created entry, busy` +
      ` ${pct(first.strapiCpuMs / first.wallMs)} of the wall time; per entry that is` +
      ` ${pct(cpuShare)} of the ceiling's CPU efficiency`);
    out(`  requests       ${first.requests}: ${(first.requests / ROWS).toFixed(3)} per row,` +
      ` ${perCreated.toFixed(4)} per created entry ${mark(perCreated <= TARGETS.requestsPerCreated)}`);
    out(`  probe p95      ${first.probeP95.toFixed(0)} ms over ${first.probes} probes` +
      ` ${mark(first.probeP95 < TARGETS.probeP95Ms)}`);

    const perRow = second.requests / ROWS;
    out('second load (same file, new store)');
    out(`  wall           ${(second.wallMs / 1000).toFixed(2)} s ${mark(second.wallMs < TARGETS.secondWallMs)};` +
      ` Strapi busy ${(second.strapiCpuMs / 1000).toFixed(2)} s of it`);
    out(`  requests       ${second.requests}: ${perRow.toFixed(3)} per row` +
      ` ${mark(perRow <= TARGETS.secondRequestsPerRow)}`);
    out(`  created        ${sum(second.created)} ${mark(sum(second.created) === 0)}`);
    for (const line of gets.describe(second.wallMs)) out(`  ${line}`);
  });
} finally {
  await rm(folder, { recursive: true, force: true });
}

async function withStrapi<T>(work: (cms: LocalStrapi) => Promise<T>): Promise<T> {
  const cms = await startStrapi();
  try {
    return await work(cms);
  } finally {
    await cms.stop();
  }
}

/** POSTs `data` to a collection with a plain fetch; returns the new id. */
async function post(cms: LocalStrapi, collection: string, data: object): Promise<number> {
  const response = await fetch(`${cms.baseUrl}/api/${collection}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${cms.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { data?: { id?: number } };
  if (response.status !== 201 || typeof body.data?.id !== 'number') {
    throw new Error(`bench setup: POST ${collection} answered HTTP ${response.status}`);
  }
  return body.data.id;
}

/** A rate of entries created, with the CMS's CPU time per entry. */
interface Rate {
  readonly perSecond: number;
  readonly cpuMsPerEntry: number;
}

function describeRate(rate: Rate): string {
  return `${rate.perSecond.toFixed(1)} entries/s, Strapi CPU ${rate.cpuMsPerEntry.toFixed(2)} ms per entry`;
}

/**
 * Entries per second a plain client creates with IN_FLIGHT requests in
 * flight, cycling through the mix of entries one generated row creates.
 */
async function measureCeiling(cms: LocalStrapi): Promise<Rate> {
  const programa = await post(cms, 'programas', { nombre: 'Bench' });
  const implementacion = await post(cms, 'implementaciones', {
    nombre: 'Bench', ciclo_escolar: '2024-2025', periodo: 'Otoño', programa, encuestas: [1, 2],
  });
  const participante = await post(cms, 'participantes', { id_externo: 'BENCH-0' });
  const participacion = await post(cms, 'participaciones', { participante, implementacion });
  const modulo = await post(cms, 'modulos', { nombre: 'mod1', implementacion });
  const asistencia = await post(cms, 'asistencias', { clave_sesion: 'asist_1', implementacion });
  const trabajo = await post(cms, 'trabajos', { nombre: 'trabajo_1', implementacion });
  const mix: ((i: number) => [string, object])[] = [
    (i) => ['participantes', { id_externo: `BENCH-${i}`, edad: 30, sexo: 'M', entidad: 'Yucatán', lengua_indigena: false }],
    () => ['participaciones', { participante, implementacion, puesto: 'Docente', estudiantes_a_cargo: 20, participa_director: false }],
    (i) => ['correo-participantes', { participante, correo: `bench${i}@example.org`, principal: false }],
    () => ['uso-app-participantes', { participante, minutos_uso_app: 30, descargo_app: true }],
    () => ['modulo-progreso-registros', { participacion, modulo, calificacion: 8.5 }],
    () => ['modulo-progreso-registros', { participacion, modulo, calificacion: 9 }],
    () => ['encuesta-completada-registros', { participacion, encuesta: 1, estado: 'Completada' }],
    () => ['participante-asistencia-registros', { participacion, asistencia, presente: true }],
    () => ['participante-asistencia-registros', { participacion, asistencia, presente: true }],
    () => ['participante-asistencia-registros', { participacion, asistencia, presente: true }],
    () => ['trabajo-realizado-registros', { participacion, trabajo, completado: true }],
    () => ['trabajo-realizado-registros', { participacion, trabajo, completado: true }],
  ];

  let next = 1;
  const postFor = async (ms: number): Promise<Rate> => {
    let created = 0;
    const cpuBefore = await cpuMsOf(cms.pid);
    const started = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() - started < ms) {
        const i = next++;
        const [collection, data] = mix[i % mix.length]!(i);
        await post(cms, collection, data);
        created++;
      }
    }));
    const cpuMs = (await cpuMsOf(cms.pid)) - cpuBefore;
    return {
      perSecond: created / ((performance.now() - started) / 1000),
      cpuMsPerEntry: cpuMs / created,
    };
  };
  await postFor(WARM_UP_MS);
  return postFor(CEILING_MS);
}

/**
 * CPU time (user + system) used so far by the processes of the group led
 * by `pid`, from /proc; 0 where /proc is not available.
 */
async function cpuMsOf(pid: number): Promise<number> {
  const ticksPerSecond = 100;
  let ticks = 0;
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / ticksPerSecond) * 1000;
}

/** Creates the CCT catalogue in the CMS and writes its export file. */
async function seedCatalogue(cms: LocalStrapi, dir: string): Promise<string[]> {
  const codes = Array.from({ length: CATALOGUE_SIZE }, (_, i) => cctCode(i));
  const ids: number[] = new Array(codes.length);
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < codes.length) {
      const i = next++;
      ids[i] = await post(cms, 'ccts', { clave: codes[i] });
    }
  }));
  const lines = codes.map((code, i) => `${ids[i]},${code}`);
  await writeFile(join(dir, 'ccts_export.csv'), `id,clave\n${lines.join('\n')}\n`);
  return codes;
}

/** A well-formed CCT for ordinal i: state, kind, number, check letter. */
function cctCode(i: number): string {
  const state = String(1 + (i % 32)).padStart(2, '0');
  const kinds = ['DJN', 'DPR', 'EPR', 'DST', 'EES'];
  const kind = kinds[Math.floor(i / 32) % kinds.length]!;
  const number = String(1 + i).padStart(4, '0');
  return `${state}${kind}${number}${String.fromCharCode(65 + (i % 26))}`;
}

interface Timed {
  readonly wallMs: number;
  readonly strapiCpuMs: number;
  readonly requests: number;
  readonly created: Record<CollectionName, number>;
  readonly probeP95: number;
  readonly probes: number;
}

/**
 * Loads `file` as `apilados ingest --strapi` does (a new store, default
 * settings, CCTs preloaded from the export), probing the CMS once a second.
 */
async function timedLoad(cms: LocalStrapi, file: string, probe: boolean): Promise<Timed> {
  const settings = loadSettings({ STRAPI_BASE_URL: cms.baseUrl, STRAPI_TOKEN: cms.token });
  const store = new StrapiRecordStore(strapiStoreOptions(settings)!);
  const catalogue = await prepareCmsCatalogue({
    store,
    logger: createLogger('cct-lookup'),
    path: join(folder, 'ccts_export.csv'),
    usePreloading: undefined,
    budgetMb: settings.ccts.maxMemoryMb,
  });
  const work = await mkdtemp(join(folder, 'work-'));
  const runtime = new LocalRuntime({ settings, store, catalogue, workDir: work });

  const latencies: number[] = [];
  const timer = probe ? setInterval(() => void probeOnce(cms, latencies), 1_000) : undefined;
  const requestsBefore = store.stats().requests;
  const cpuBefore = await cpuMsOf(cms.pid);
  const started = performance.now();
  let result: LoadResult;
  try {
    result = await runtime.load(file);
  } finally {
    clearInterval(timer);
  }
  const wallMs = performance.now() - started;
  const strapiCpuMs = (await cpuMsOf(cms.pid)) - cpuBefore;
  if (result.status !== 'completed') throw new Error(`bench load ${result.status}`);
  if (result.detail.rows.failed > 0) out(`  (${result.detail.rows.failed} rows failed)`);
  latencies.sort((a, b) => a - b);
  return {
    wallMs,
    strapiCpuMs,
    requests: store.stats().requests - requestsBefore,
    created: result.detail.created,
    probeP95: latencies[Math.max(0, Math.ceil(latencies.length * 0.95) - 1)] ?? 0,
    probes: latencies.length,
  };
}

/** GETs seen by this process's `fetch`, by collection, until stopped. */
function watchGets() {
  const plain = globalThis.fetch;
  const seen = new Map<string, { start: number; end: number }[]>();
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if ((init?.method ?? 'GET') !== 'GET' || !url.search.includes('filters')) {
      return plain(input, init);
    }
    const start = performance.now();
    const response = await plain(input, init);
    const body = await response.arrayBuffer();
    const name = url.pathname.replace(/^\/api\//, '');
    seen.set(name, [...(seen.get(name) ?? []), { start, end: performance.now() }]);
    return new Response(body, response);
  };
  return {
    stop: () => { globalThis.fetch = plain; },
    /** One line per collection: lookups, mean and max ms, busy share. */
    describe: (wallMs: number) => [...seen].map(([name, spans]) => {
      const ms = spans.map((s) => s.end - s.start);
      const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
      return `${name.padEnd(34)} ${String(spans.length).padStart(3)} GETs,` +
        ` mean ${mean.toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms,` +
        ` in flight ${pct(busy(spans) / wallMs)} of the wall`;
    }),
  };
}

/** Time during which at least one of `spans` was open. */
function busy(spans: readonly { start: number; end: number }[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

async function probeOnce(cms: LocalStrapi, latencies: number[]): Promise<void> {
  const started = performance.now();
  const response = await fetch(`${cms.baseUrl}/api/encuestas?pagination[pageSize]=1`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  await response.arrayBuffer();
  latencies.push(performance.now() - started);
}

/** Loads the file into the embedded store and compares both graphs. */
async function compareWithEmbedded(cms: LocalStrapi, file: string, dir: string) {
  const local = await openLocal(await mkdtemp(join(dir, 'sqlite-')), {
    catalogue: await readFile(join(dir, 'ccts_export.csv'), 'utf8'),
  });
  try {
    await local.load('participaciones.csv', await readFile(file));
    const store = new StrapiRecordStore({ baseUrl: cms.baseUrl, token: cms.token });
    const [cmsGraph, embeddedGraph] = [await entityGraph(store), await entityGraph(local.store)];
    const differing: string[] = [];
    for (const name of Object.keys(cmsGraph) as CollectionName[]) {
      const embedded = new Set(embeddedGraph[name].map((e) => JSON.stringify(e)));
      const only = cmsGraph[name].filter((e) => !embedded.has(JSON.stringify(e))).length;
      const counts = `${cmsGraph[name].length}/${embeddedGraph[name].length}`;
      if (only > 0 || cmsGraph[name].length !== embeddedGraph[name].length) {
        differing.push(`${name} ${counts} entries, ${only} differ`);
      }
    }
    const duplicates = Object.values(await duplicateKeys(store)).flat().length;
    out(`check            CMS vs embedded store: ${differing.length === 0 ? 'same graph' : differing.join('; ')};` +
      ` duplicated keys: ${duplicates}`);
  } finally {
    await local.close();
  }
}

function sum(counts: Record<CollectionName, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

function mark(ok: boolean): string {
  return ok ? '(target met)' : '(TARGET MISSED)';
}
