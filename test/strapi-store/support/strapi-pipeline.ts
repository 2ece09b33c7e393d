import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '@apilados/config';
import {
  LocalRuntime,
  prepareCmsCatalogue,
  type LoadResult,
  type LocalCatalogue,
} from '@apilados/local-runtime';
import { createLogger } from '@apilados/observability';
import {
  StrapiRecordStore,
  strapiStoreOptions,
  type StrapiRecordStoreOptions,
} from '@apilados/record-store';

/** A local pipeline writing to a Strapi CMS, for tests. */
export interface StrapiPipeline {
  readonly store: StrapiRecordStore;
  /** Writes `content` to a file in the folder and loads it. */
  load(name: string, content: string | Buffer): Promise<LoadResult>;
}

/** Where the pipeline writes and how. */
export interface StrapiPipelineOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Settings as environment variables, e.g. `{ CHUNK_SIZE: '5' }`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides of the store options built from `env`. */
  readonly storeOptions?: Partial<StrapiRecordStoreOptions>;
  /** An existing store to share, instead of a new one. */
  readonly store?: StrapiRecordStore;
  /** Skip asking the CMS for its CCTs (no links are made). */
  readonly withoutCatalogue?: boolean;
  /** Chunks persisted at once in parallel mode; 1, as the CLI does. */
  readonly persistenceConcurrency?: number;
}

/**
 * Opens the local pipeline (the real services on an in-process bus) with
 * a `StrapiRecordStore`, CCTs resolved on demand against the CMS, and its
 * work files in a new folder under `dir`.
 */
export async function openStrapiPipeline(
  dir: string,
  options: StrapiPipelineOptions,
): Promise<StrapiPipeline> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const settings = loadSettings({
    ...options.env,
    STRAPI_BASE_URL: options.baseUrl,
    STRAPI_TOKEN: options.token,
  });
  const store = options.store ?? new StrapiRecordStore({
    ...strapiStoreOptions(settings)!,
    ...options.storeOptions,
  });
  const catalogue: LocalCatalogue = options.withoutCatalogue
    ? { resolver: undefined, mode: 'none', entries: 0, badLines: 0, reason: 'test' }
    : await prepareCmsCatalogue({
      store,
      logger: createLogger('cct-lookup'),
      usePreloading: undefined,
      budgetMb: settings.ccts.maxMemoryMb,
    });
  const work = mkdtempSync(join(dir, 'pipeline-'));
  const runtime = new LocalRuntime({
    settings,
    store,
    catalogue,
    workDir: join(work, 'objects'),
    persistenceConcurrency: options.persistenceConcurrency ?? 1,
  });
  return {
    store,
    async load(name, content) {
      const file = join(work, name);
      writeFileSync(file, content);
      return runtime.load(file);
    },
  };
}
