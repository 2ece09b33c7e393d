import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  PreloadedCctResolver,
  chooseCctMode,
  forcedCctMode,
  estimateCatalogueBytes,
  loadCatalogue,
} from '@apilados/cct-catalogue';
import { cctResolverOnStore, type RecordStore } from '@apilados/record-store';
import type { LocalCatalogue } from './local-catalogue.js';

/** A CMS store that can also count a collection's entries. */
export type CountingStore =
  Pick<RecordStore, 'findBy'> & {
    countOf(collection: 'ccts'): Promise<number>;
  };

/** How to reach the CMS's catalogue and how much memory it may take. */
export interface CmsCatalogueOptions {
  readonly store: CountingStore;
  readonly logger: Logger;
  /**
   * A `ccts_export.csv` (`id,clave`) exported from this same CMS, whose
   * ids are therefore valid links; preloaded when it fits the budget.
   */
  readonly path?: string | undefined;
  /** true or false forces a mode; undefined chooses by the budget. */
  readonly usePreloading: boolean | undefined;
  readonly budgetMb: number;
}

/**
 * Prepares CCT resolution when the records live in the CMS: the CMS's own
 * `ccts` collection is the catalogue. An export file that fits the memory
 * budget is preloaded; otherwise codes are resolved on demand with `$in`
 * requests on `clave`, cached. A CMS without CCTs leaves links empty.
 */
export async function prepareCmsCatalogue(
  options: CmsCatalogueOptions,
): Promise<LocalCatalogue> {
  const { store, logger } = options;
  const onDemand = () => cctResolverOnStore(store);

  const choice = options.path === undefined
    ? undefined
    : chooseCctMode({
      forced: forcedCctMode(options.usePreloading),
      catalogueBytes: estimateCatalogueBytes((await stat(options.path)).size),
      budgetMb: options.budgetMb,
    });

  if (options.path !== undefined && choice?.mode === 'preloaded') {
    const { index, stats } = await loadCatalogue(
      createReadStream(options.path), { file: options.path });
    logger.info('cct catalogue loaded', {
      mode: choice.mode, reason: choice.reason,
      entries: stats.entries, badLines: stats.badLines,
    });
    return {
      resolver: new PreloadedCctResolver(index), mode: 'preloaded',
      entries: stats.entries, badLines: stats.badLines, reason: choice.reason,
    };
  }

  const entries = await store.countOf('ccts');
  if (entries === 0) {
    return {
      resolver: undefined, mode: 'none', entries: 0, badLines: 0,
      reason: 'the CMS holds no CCTs, so school links stay empty',
    };
  }
  const reason = choice?.reason ??
    `resolving on demand against the ${entries} CCTs in the CMS`;
  logger.info('cct catalogue on demand', { entries, reason });
  return { resolver: onDemand(), mode: 'on-demand', entries, badLines: 0, reason };
}
