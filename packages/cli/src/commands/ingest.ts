import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadSettings, type Settings } from '@apilados/config';
import { emptyCounts, emptyRowCounts } from '@apilados/domain';
import { CatalogueFormatError } from '@apilados/cct-catalogue';
import { REPORT_HEADER } from '@apilados/intake';
import {
  LoadStoppedError,
  LocalRuntime,
  prepareLocalCatalogue,
  type LoadResult,
} from '@apilados/local-runtime';
import { createLogger } from '@apilados/observability';
import { SqliteRecordStore } from '@apilados/record-store';
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
}

/** Loads one CSV file into the embedded store; returns the exit code. */
export async function ingest(file: string, options: IngestOptions): Promise<number> {
  const started = performance.now();
  const settings = loadSettings();
  const store = SqliteRecordStore.open(options.db);
  try {
    const catalogue = await prepareCatalogue(store, settings, options.ccts);
    const runtime = new LocalRuntime({
      settings,
      store,
      catalogue,
      workDir: join(dirname(options.db), 'objects'),
      keepWork: options.keepWork ?? false,
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
    }

    const summary = summarise(file, result, {
      store: store.description,
      dryRun: options.dryRun ?? false,
      cct: { mode: catalogue.mode, entries: catalogue.entries },
      elapsedMs: performance.now() - started,
    });
    const report = await placeReport(result, options.report);
    const final = { ...summary, report: report ?? summary.report };
    if (options.json) process.stdout.write(JSON.stringify(final) + '\n');
    else process.stdout.write(formatSummary(final) + '\n');
    if (final.status !== 'completed') process.stderr.write(`apilados: ${final.reason}\n`);
    return exitCodeOf(final);
  } finally {
    await store.close();
  }
}

async function prepareCatalogue(
  store: SqliteRecordStore,
  settings: Settings,
  path: string | undefined,
) {
  const base = {
    store,
    logger: createLogger('cct-lookup'),
    usePreloading: settings.ccts.usePreloading,
    budgetMb: settings.ccts.maxMemoryMb,
  };
  try {
    return await prepareLocalCatalogue({ ...base, path });
  } catch (error) {
    if (!(error instanceof CatalogueFormatError) && !isMissingFile(error)) throw error;
    process.stderr.write(
      `apilados: warning: CCT catalogue not used: ${(error as Error).message}\n`,
    );
    return prepareLocalCatalogue({ ...base, path: undefined });
  }
}

function summarise(
  file: string,
  result: LoadResult | LoadStoppedError,
  context: Pick<LoadSummary, 'store' | 'dryRun' | 'cct' | 'elapsedMs'>,
): LoadSummary {
  const elapsedMs = Math.round(context.elapsedMs);
  const base = {
    ...context,
    file: basename(file),
    elapsedMs,
    rows: emptyRowCounts(),
    created: emptyCounts(),
    chunks: 0,
    problems: 0,
    report: null,
    requests: { total: 0, perRow: 0 },
    rowsPerSecond: 0,
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
    rowsPerSecond: Math.round(d.rows.read / Math.max(elapsedMs / 1000, 0.001)),
  };
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
