import { InvalidArgumentError } from 'commander';
import type { Settings } from '@apilados/config';
import { createLogger } from '@apilados/observability';
import {
  prepareCmsCatalogue,
  prepareLocalCatalogue,
  type LocalCatalogue,
} from '@apilados/local-runtime';
import {
  SqliteRecordStore,
  StrapiRecordStore,
  strapiStoreOptions,
  type RecordStore,
} from '@apilados/record-store';

/** Where a load writes, and how CCT codes are resolved there. */
export interface LoadTarget {
  readonly store: RecordStore;
  /** The embedded store's file, which a writer thread may open too. */
  readonly sqlitePath?: string;
  /** The CMS's base URL when the load goes to Strapi. */
  readonly cmsUrl?: string;
  /** Prepares the catalogue, from `path` (`ccts_export.csv`) if given. */
  prepareCatalogue(path: string | undefined): Promise<LocalCatalogue>;
}

/**
 * The Strapi CMS when `strapi` (a base URL) is given or the settings name
 * one (`STRAPI_BASE_URL`, `STRAPI_URL`), with the token from
 * `STRAPI_TOKEN`; the embedded store at `db` otherwise.
 *
 * @throws StoreUnavailableError when the CMS is the target but no token is set.
 */
export function openLoadTarget(
  settings: Settings,
  options: {
    readonly db: string;
    readonly strapi?: string | undefined;
    readonly dryRun?: boolean | undefined;
  },
): LoadTarget {
  const common = {
    dryRun: options.dryRun ?? false,
    logger: createLogger('cct-lookup'),
    usePreloading: settings.ccts.usePreloading,
    budgetMb: settings.ccts.maxMemoryMb,
  };
  const cms = strapiStoreOptions(settings, options.strapi ?? settings.strapi.baseUrl);
  if (cms) {
    const store = new StrapiRecordStore(cms);
    return {
      store,
      cmsUrl: cms.baseUrl,
      prepareCatalogue: (path) => prepareCmsCatalogue({ ...common, store, path }),
    };
  }
  const store = SqliteRecordStore.open(options.db);
  return {
    store,
    // A database in memory exists for one connection only.
    ...(options.db !== ':memory:' && { sqlitePath: options.db }),
    prepareCatalogue: (path) => prepareLocalCatalogue({ ...common, store, path }),
  };
}

/** Parses `--strapi`: an http(s) URL, returned without trailing slashes. */
export function baseUrlOption(value: string): string {
  const text = value.trim();
  if (!/^https?:\/\/[^\s/]+/.test(text)) {
    throw new InvalidArgumentError(
      'expected an http(s) URL such as https://cms.example.org');
  }
  return text.replace(/\/+$/, '');
}
