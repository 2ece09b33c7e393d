import { catalogueFor } from './cctCatalogue.js';
import type { CctCatalogue } from './cctCatalogue.js';
import { GeneratorOptionError } from './errors.js';
import type { CsvFormatOptions, GenerateOptions } from './types.js';

/** Generator options with every default filled in and checked. */
export interface ResolvedOptions {
  readonly rows: number;
  readonly seed: number;
  readonly firstId: number;
  readonly catalogue: CctCatalogue;
  readonly twoImplementationShare: number;
  readonly malformedRate: number;
  readonly notAvailableRate: number;
  readonly format: Required<CsvFormatOptions>;
}

const SEPARATORS = [',', ';', '\t'];
const ENCODINGS = ['utf-8', 'windows-1252'];

function share(name: string, value: number | undefined, fallback: number) {
  const resolved = value ?? fallback;
  if (!(resolved >= 0 && resolved <= 1)) {
    throw new GeneratorOptionError(name, 'a number from 0 to 1', String(value));
  }
  return resolved;
}

/** Checks CSV layout options and fills their defaults. */
export function resolveFormat(options: CsvFormatOptions) {
  const format: Required<CsvFormatOptions> = {
    separator: options.separator ?? ',',
    bom: options.bom ?? false,
    crlf: options.crlf ?? false,
    encoding: options.encoding ?? 'utf-8',
  };
  if (!SEPARATORS.includes(format.separator)) {
    throw new GeneratorOptionError(
      'separator', 'one of ",", ";" or "\\t"', JSON.stringify(format.separator),
    );
  }
  if (!ENCODINGS.includes(format.encoding)) {
    throw new GeneratorOptionError(
      'encoding', '"utf-8" or "windows-1252"', JSON.stringify(format.encoding),
    );
  }
  if (format.bom && format.encoding !== 'utf-8') {
    throw new GeneratorOptionError('bom', 'false with windows-1252', 'true');
  }
  return format;
}

/** Checks the row count and the seed. */
export function resolveCounts(options: Pick<GenerateOptions, 'rows' | 'seed'>) {
  const { rows, seed = 1 } = options;
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new GeneratorOptionError(
      'rows', 'an integer of 0 or more', String(rows));
  }
  if (!Number.isSafeInteger(seed)) {
    throw new GeneratorOptionError('seed', 'an integer', String(seed));
  }
  return { rows, seed };
}

/** Fills in defaults and rejects options out of range. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { rows, seed } = resolveCounts(options);
  return {
    rows,
    seed,
    firstId: resolveFirstId(options.firstId),
    catalogue: catalogueFor(options.catalogue, rows, seed),
    twoImplementationShare: share(
      'twoImplementationShare', options.twoImplementationShare, 0.2),
    malformedRate: share('malformedRate', options.malformedRate, 0.005),
    notAvailableRate: share('notAvailableRate', options.notAvailableRate, 0.07),
    format: resolveFormat(options),
  };
}

function resolveFirstId(firstId: number | undefined): number {
  const resolved = firstId ?? 100_001;
  if (!Number.isSafeInteger(resolved) || resolved < 1) {
    throw new GeneratorOptionError('firstId', 'a whole number from 1', String(firstId));
  }
  return resolved;
}
