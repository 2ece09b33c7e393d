import { BYTES_PER_MB, formatBytes } from './format-bytes.js';

/** How CCT codes are turned into CMS ids. */
export type CctMode = 'preloaded' | 'on-demand';

/**
 * The mode CCTS_USE_PRELOADING forces: `true` preloads, `false` resolves
 * on demand, unset forces nothing.
 */
export function forcedCctMode(usePreloading: boolean | undefined): CctMode | undefined {
  if (usePreloading === undefined) return undefined;
  return usePreloading ? 'preloaded' : 'on-demand';
}

/** Inputs of `chooseCctMode`. */
export interface CctModeInput {
  /** A mode set explicitly by configuration; it always wins. */
  forced?: CctMode | undefined;
  /**
   * Memory the preloaded catalogue needs, usually
   * `estimateCatalogueBytes(fileSize)`; absent when no catalogue exists.
   */
  catalogueBytes?: number | undefined;
  /** Memory allowed for the catalogue, in MB of 1,048,576 bytes. */
  budgetMb: number;
}

/** The chosen mode and a sentence explaining it, for logs and health. */
export interface CctModeChoice {
  readonly mode: CctMode;
  readonly reason: string;
}

/**
 * Chooses between preloading the CCT catalogue and resolving codes on
 * demand against the CMS: a forced mode wins; otherwise preload when a
 * catalogue exists and needs no more than the budget (equal fits).
 *
 * Forcing `preloaded` without a catalogue still answers `preloaded`: an
 * explicit setting must fail loudly where the catalogue is read rather
 * than silently fall back.
 */
export function chooseCctMode(input: CctModeInput): CctModeChoice {
  const { forced, catalogueBytes, budgetMb } = input;
  if (!(budgetMb >= 0)) {
    throw new RangeError(
      `CCT memory budget must be a number of MB >= 0, got ${budgetMb}`,
    );
  }
  if (forced !== undefined) {
    return {
      mode: forced,
      reason: `CCT mode ${forced} is forced by setting.`,
    };
  }
  if (catalogueBytes === undefined) {
    return {
      mode: 'on-demand',
      reason: 'No CCT catalogue is available, so codes are resolved on ' +
        'demand against the CMS.',
    };
  }
  const budgetBytes = budgetMb * BYTES_PER_MB;
  const needs = `The CCT catalogue needs about ${formatBytes(catalogueBytes)}`;
  const budget = `the ${budgetMb} MB budget`;
  if (catalogueBytes <= budgetBytes) {
    return {
      mode: 'preloaded',
      reason: `${needs}, which fits ${budget}, so it is preloaded.`,
    };
  }
  return {
    mode: 'on-demand',
    reason: `${needs}, more than ${budget}, so codes are resolved on ` +
      'demand against the CMS.',
  };
}
