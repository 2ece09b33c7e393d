import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  PreloadedCctResolver,
  chooseCctMode,
  forcedCctMode,
  estimateCatalogueBytes,
  loadCatalogue,
  type CctResolver,
} from '@apilados/cct-catalogue';
import { cctResolverOnStore, type SqliteRecordStore } from '@apilados/record-store';

/** The catalogue the local pipeline resolves CCT codes with. */
export interface LocalCatalogue {
  readonly resolver: CctResolver | undefined;
  readonly mode: 'preloaded' | 'on-demand' | 'none';
  readonly entries: number;
  readonly reason: string;
  readonly badLines: number;
}

/** How to find and hold the catalogue. */
export interface LocalCatalogueOptions {
  readonly store: SqliteRecordStore;
  readonly logger: Logger;
  /** A `ccts_export.csv` (`id,clave`); without it the store's own is used. */
  readonly path?: string | undefined;
  /** true or false forces a mode; undefined chooses by the budget. */
  readonly usePreloading: boolean | undefined;
  readonly budgetMb: number;
  /** A dry run writes nothing to the store, not even the catalogue. */
  readonly dryRun?: boolean;
}

/**
 * Prepares CCT resolution for the embedded store. A catalogue file is
 * copied into the store's `ccts` table (ids kept, so links are valid) and
 * then either kept in memory or resolved on demand against the store,
 * whichever the memory budget allows. Without a file, codes resolve on
 * demand against catalogue entries already in the store, if any.
 */
export async function prepareLocalCatalogue(
  options: LocalCatalogueOptions,
): Promise<LocalCatalogue> {
  const { store, logger } = options;
  const onDemand = () => cctResolverOnStore(store);

  if (!options.path) {
    const entries = store.countOf('ccts');
    if (entries === 0) {
      return {
        resolver: undefined, mode: 'none', entries: 0, badLines: 0,
        reason: 'no catalogue file was given and the store holds no CCTs',
      };
    }
    return {
      resolver: onDemand(), mode: 'on-demand', entries, badLines: 0,
      reason: `resolving against the ${entries} CCTs already in the store`,
    };
  }

  const size = (await stat(options.path)).size;
  const choice = chooseCctMode({
    forced: forcedCctMode(options.usePreloading),
    catalogueBytes: estimateCatalogueBytes(size),
    budgetMb: options.budgetMb,
  });
  const { index, stats } = await loadCatalogue(createReadStream(options.path), {
    file: options.path,
  });
  if (options.dryRun) {
    return {
      resolver: new PreloadedCctResolver(index),
      mode: 'preloaded',
      entries: stats.entries,
      badLines: stats.badLines,
      reason: 'dry run: the catalogue is read, not copied into the store',
    };
  }
  const added = store.importCatalogue('ccts', index.entries());
  logger.info('cct catalogue loaded', {
    mode: choice.mode,
    reason: choice.reason,
    entries: stats.entries,
    badLines: stats.badLines,
    addedToStore: added,
  });
  return {
    resolver: choice.mode === 'preloaded' ? new PreloadedCctResolver(index) : onDemand(),
    mode: choice.mode,
    entries: stats.entries,
    badLines: stats.badLines,
    reason: choice.reason,
  };
}
