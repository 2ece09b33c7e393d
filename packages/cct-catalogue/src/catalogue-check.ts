import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { estimateCatalogueBytes } from './catalogue-estimate.js';
import { loadCatalogue } from './catalogue-loader.js';
import type { CatalogueStats } from './catalogue-loader.js';
import { chooseCctMode } from './cct-mode.js';
import type { CctMode, CctModeChoice } from './cct-mode.js';
import { formatBytes } from './format-bytes.js';

/** Options of `checkCatalogue`. */
export interface CheckCatalogueOptions {
  /** Memory allowed for the catalogue, in MB (`CCTS_MAX_MEMORY_MB`). */
  budgetMb: number;
  /** A mode set by configuration, reported as forced. */
  forced?: CctMode | undefined;
}

/** What `apilados ccts check` reports about a catalogue file. */
export interface CatalogueCheck {
  readonly file: string;
  readonly fileBytes: number;
  readonly stats: CatalogueStats;
  /** `estimateCatalogueBytes(fileBytes)`: what the mode choice uses. */
  readonly estimatedBytes: number;
  /** Bytes of the loaded index's arrays. */
  readonly indexBytes: number;
  /** Growth of heap plus array-buffer memory across the load. */
  readonly heapDeltaBytes: number;
  /** Whether garbage was collected before both readings (`--expose-gc`). */
  readonly heapMeasuredAfterGc: boolean;
  readonly budgetMb: number;
  /** The mode chosen from the estimate, as the pipeline would. */
  readonly choice: CctModeChoice;
}

/**
 * Loads the catalogue at `path` the way the pipeline would and reports its
 * entries, bad lines, estimated and measured memory and the CCT mode the
 * budget leads to. Throws `CatalogueFormatError` for an unreadable header.
 */
export async function checkCatalogue(
  path: string,
  options: CheckCatalogueOptions,
): Promise<CatalogueCheck> {
  const fileBytes = (await stat(path)).size;
  const estimatedBytes = estimateCatalogueBytes(fileBytes);
  const choice = chooseCctMode({
    forced: options.forced,
    catalogueBytes: estimatedBytes,
    budgetMb: options.budgetMb,
  });
  const before = await memoryInUse();
  const { index, stats } = await loadCatalogue(createReadStream(path), {
    file: path,
  });
  const after = await memoryInUse();
  return {
    file: path,
    fileBytes,
    stats,
    estimatedBytes,
    indexBytes: index.byteSize,
    heapDeltaBytes: after.bytes - before.bytes,
    heapMeasuredAfterGc: after.collected,
    budgetMb: options.budgetMb,
    choice,
  };
}

/** Renders a `CatalogueCheck` as a few lines for a terminal. */
export function formatCatalogueCheck(check: CatalogueCheck): string {
  const { stats } = check;
  const kinds = stats.badLinesByKind;
  const lines = [
    `CCT catalogue ${check.file} (${formatBytes(check.fileBytes)})`,
    `Entries: ${count(stats.entries)} from ${count(stats.lines)} data lines`,
    `Bad lines: ${count(stats.badLines)} (id ${count(kinds.id)}, ` +
      `clave ${count(kinds.clave)}, duplicate ${count(kinds.duplicate)}, ` +
      `fields ${count(kinds.fields)})`,
    ...stats.badLineSamples.map((bad) => `  line ${bad.line}: ${bad.reason}`),
  ];
  if (stats.badLineSamples.length < stats.badLines) {
    const more = stats.badLines - stats.badLineSamples.length;
    lines.push(`  … and ${count(more)} more`);
  }
  lines.push(
    `Memory: estimated ${formatBytes(check.estimatedBytes)}, ` +
      `index ${formatBytes(check.indexBytes)}, heap grew ` +
      `${formatBytes(check.heapDeltaBytes)}` +
      (check.heapMeasuredAfterGc ? ' (after GC)' : ' (without GC, rough)'),
    `Mode: ${check.choice.mode} (budget ${check.budgetMb} MB). ` +
      check.choice.reason,
  );
  return lines.join('\n');
}

/**
 * Heap plus array-buffer bytes in use. With `--expose-gc`, garbage is
 * collected twice around a turn of the event loop first, because freed
 * array buffers are released by background tasks after a collection.
 */
async function memoryInUse(): Promise<{ bytes: number; collected: boolean }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  const usage = process.memoryUsage();
  return {
    bytes: usage.heapUsed + usage.arrayBuffers,
    collected: gc !== undefined,
  };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
