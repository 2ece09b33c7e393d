import type { Logger } from '@aws-lambda-powertools/logger';
import {
  PreloadedCctResolver,
  chooseCctMode,
  forcedCctMode,
  estimateCatalogueBytes,
  loadCatalogue,
  type CctResolver,
} from '@apilados/cct-catalogue';
import type { Settings } from '@apilados/config';
import type { ObjectStore } from '@apilados/object-store';
import { S3ObjectStore } from '@apilados/object-store/s3';
import { cctResolverOnStore, type RecordStore } from '@apilados/record-store';
import type { CloudContext } from './cloud-context.js';
import type { CloudPorts } from './cloud-ports.js';
import { kept } from './kept.js';
import type { Telemetry } from './telemetry.js';

/** The CCT catalogue a function resolves codes with. */
export interface CloudCatalogue {
  readonly resolver: CctResolver;
  readonly mode: 'preloaded' | 'on-demand';
  /** Entries held in memory; 0 on demand. */
  readonly entries: number;
  readonly badLines: number;
  readonly reason: string;
}

/** Where the catalogue is and what may resolve codes against the CMS. */
export interface CloudCatalogueOptions {
  /** The store holding `settings.ccts.key` (CCTS_S3_BUCKET or the data bucket). */
  readonly objects: ObjectStore;
  readonly settings: Settings;
  readonly store: () => Promise<RecordStore>;
  readonly logger: Logger;
}

/**
 * Prepares CCT resolution: the `ccts_export.csv` object is preloaded when
 * it fits the CCTS_MAX_MEMORY_MB budget (or CCTS_USE_PRELOADING forces
 * it); otherwise, or without the object, codes are resolved on demand
 * against the CMS's `ccts` collection.
 *
 * Limitation: the catalogue is read once per function instance, so a new
 * export reaches warm instances only as they are replaced; comparing the
 * object's ETag on each invocation would pick it up at once.
 */
export async function loadCloudCatalogue(
  options: CloudCatalogueOptions,
): Promise<CloudCatalogue> {
  const { objects, settings, logger } = options;
  const key = settings.ccts.key;
  const info = await objects.head(key);
  const choice = chooseCctMode({
    forced: forcedCctMode(settings.ccts.usePreloading),
    catalogueBytes: info ? estimateCatalogueBytes(info.size) : undefined,
    budgetMb: settings.ccts.maxMemoryMb,
  });

  const onDemandBecause = (reason: string): CloudCatalogue => ({
    resolver: onDemand(options.store),
    mode: 'on-demand',
    entries: 0,
    badLines: 0,
    reason,
  });
  if (choice.mode === 'on-demand') {
    logger.info('cct catalogue on demand', { reason: choice.reason });
    return onDemandBecause(choice.reason);
  }

  const file = `${objects.description}/${key}`;
  let loaded: Awaited<ReturnType<typeof loadCatalogue>>;
  try {
    loaded = await loadCatalogue(await objects.read(key), { file });
  } catch (error) {
    // An unusable catalogue (missing, unreadable, wrong header) must not
    // stop loads: codes are then resolved against the CMS instead.
    const reason = `the catalogue ${file} cannot be preloaded ` +
      `(${(error as Error).message}); resolving codes on demand against the CMS`;
    logger.warn('cct catalogue unusable', { reason });
    return onDemandBecause(reason);
  }
  const { index, stats } = loaded;
  logger.info('cct catalogue preloaded', {
    entries: stats.entries,
    badLines: stats.badLines,
    elapsedMs: Math.round(stats.elapsedMs),
  });
  return {
    resolver: new PreloadedCctResolver(index),
    mode: 'preloaded',
    entries: stats.entries,
    badLines: stats.badLines,
    reason: choice.reason,
  };
}

function onDemand(store: () => Promise<RecordStore>): CctResolver {
  return cctResolverOnStore(store);
}

/**
 * The function's catalogue, loaded on first use from CCTS_S3_BUCKET (the
 * data bucket when unset) and kept while the instance lives.
 */
export function catalogueOf(
  context: CloudContext,
  ports: CloudPorts,
  telemetry: Telemetry,
): () => Promise<CloudCatalogue> {
  const { settings } = context;
  return kept(() =>
    loadCloudCatalogue({
      objects: new S3ObjectStore({
        client: context.clients.s3,
        bucket: settings.ccts.bucket ?? context.bucket,
      }),
      settings,
      store: ports.store,
      logger: telemetry.logger,
    }),
  );
}
