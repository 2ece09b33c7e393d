import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { loadSettings } from '@apilados/config';
import { emptyCounts, emptyRowCounts } from '@apilados/domain';
import { CatalogueFormatError } from '@apilados/cct-catalogue';
import { REPORT_HEADER } from '@apilados/intake';
import {
  LoadStoppedError,
  LocalRuntime,
  type LoadResult,
} from '@apilados/local-runtime';
import { lockCmsLoads } from '../load-lock.js';
import { openLoadTarget, type LoadTarget } from '../load-target.js';
import { progressBar } from '../progress-bar.js';
import { exitCodeOf, formatSummary, type LoadSummary } from '../summary.js';

/** Options of `apilados ingest`. */
export interface IngestOptions {
  readonly ccts?: string;
  readonly db: string;
  readonly report?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly keepWork?: boolean;
  /** Base URL of a Strapi CMS to load into instead of the embedded store. */
  readonly strapi?: string;
}

/** Loads one CSV file into the embedded store or the CMS; returns the exit code. */
export async function ingest(file: string, options: IngestOptions): Promise<number> {
  let started = performance.now();
  checkReportPath(file, options);
  const settings = loadSettings();
  const target = openLoadTarget(settings, options);
  const { store } = target;
  let release: (() => Promise<void>) | undefined;
  try {
    if (target.cmsUrl && !options.dryRun) {
      release = await lockCmsLoads(target.cmsUrl, () => process.stderr.write(
        `apilados: another load into ${target.cmsUrl} is running on this ` +
          'machine; waiting for it to finish\n'));
      // The summary's time and rate are the load's, not the wait's.
      started = performance.now();
    }
    const catalogue = await prepareCatalogue(target, options.ccts);
    const runtime = new LocalRuntime({
      settings,
      store,
      catalogue,
      workDir: join(dirname(options.db), 'objects'),
      keepWork: options.keepWork ?? false,
      // The embedded store is written from a second thread (see README).
      ...(target.sqlitePath && !options.dryRun && {
        writerThread: { sqlitePath: target.sqlitePath },
      }),
    });
    const bar = progressBar(!options.json);
    let result: LoadResult | LoadStoppedError;
    try {
      result = await runtime.load(file, {
        dryRun: options.dryRun ?? false,
        onProgress: bar.update,
      });
    } catch (error) {
      if (!(error instanceof LoadStoppedError)) throw error;
      result = error;
    } finally {
      bar.stop();
      await runtime.close();
    }

    const summary = summarise(file, result, {
      store: store.description,
      dryRun: options.dryRun ?? false,
      cct: { mode: catalogue.mode, entries: catalogue.entries },
      elapsedMs: performance.now() - started,
    }, store.stats().requests);
    const report = await placeReport(result, options.report).catch((error: Error) => {
      process.stderr.write(`apilados: the report could not be written to ${options.report}: ${error.message}\n`);
      return null;
    });
    const final = { ...summary, report: report ?? summary.report };
    if (options.json) process.stdout.write(JSON.stringify(final) + '\n');
    else process.stdout.write(formatSummary(final) + '\n');
    if (final.status !== 'completed') process.stderr.write(`apilados: ${final.reason}\n`);
    return exitCodeOf(final);
  } finally {
    await store.close();
    await release?.();
  }
}

async function prepareCatalogue(target: LoadTarget, path: string | undefined) {
  try {
    return await target.prepareCatalogue(path);
  } catch (error) {
    if (!(error instanceof CatalogueFormatError) && !isMissingFile(error)) throw error;
    const why = isMissingFile(error) ? `${path} does not exist` : (error as Error).message;
    process.stderr.write(`apilados: warning: CCT catalogue not used: ${why}\n`);
    return target.prepareCatalogue(undefined);
  }
}

function summarise(
  file: string,
  result: LoadResult | LoadStoppedError,
  context: Pick<LoadSummary, 'store' | 'dryRun' | 'cct' | 'elapsedMs'>,
  requests = 0,
): LoadSummary {
  const elapsedMs = Math.round(context.elapsedMs);
  const base = {
    file: basename(file),
    ...context,
    elapsedMs,
    rows: emptyRowCounts(),
    created: emptyCounts(),
    chunks: 0,
    problems: 0,
    report: null,
    requests: { total: requests, perRow: 0 },
    rowsPerSecond: 0,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (result instanceof LoadStoppedError) {
    return { ...base, fileId: null, status: 'stopped', reason: result.message };
  }
  if (result.status === 'rejected') {
    return { ...base, fileId: result.detail.fileId, status: 'rejected', reason: result.detail.reason };
  }
  const d = result.detail;
  return {
    ...base,
    fileId: d.fileId,
    status: 'completed',
    reason: null,
    rows: d.rows,
    created: d.created,
    chunks: d.chunks,
    problems: d.problems,
    report: result.reportPath,
    requests: {
      total: requests,
      perRow: Math.round((requests / Math.max(d.rows.read, 1)) * 1000) / 1000,
    },
    rowsPerSecond: Math.round(d.rows.read / Math.max(elapsedMs / 1000, 0.001)),
  };
}

/** Refuses an empty file name, and a `--report` path that would overwrite the input or the store. */
function checkReportPath(file: string, options: IngestOptions): void {
  if (file.trim() === '') throw new UsageError('no file given: apilados ingest <file.csv>');
  if (!options.report) return;
  const report = resolve(options.report);
  for (const [what, path] of [['input file', file], ['store', options.db]] as const) {
    if (path && resolve(path) === report) {
      throw new UsageError(`--report ${options.report} would overwrite the ${what}; name another file`);
    }
  }
}

/** Thrown for options that contradict each other. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Puts the report where `--report` asks: always written when asked. */
async function placeReport(
  result: LoadResult | LoadStoppedError,
  target: string | undefined,
): Promise<string | null> {
  if (!target || result instanceof LoadStoppedError || result.status !== 'completed') {
    return null;
  }
  await mkdir(dirname(target), { recursive: true });
  if (result.reportPath) await copyFile(result.reportPath, target);
  else await writeFile(target, REPORT_HEADER + '\n');
  return target;
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
