import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '@apilados/config';
import {
  LocalRuntime,
  prepareLocalCatalogue,
  type LoadResult,
} from '@apilados/local-runtime';
import { createLogger } from '@apilados/observability';
import { SqliteRecordStore, type RecordStore } from '@apilados/record-store';

/** A local pipeline on a temporary folder, for tests. */
export interface LocalPipeline {
  readonly store: SqliteRecordStore;
  readonly dir: string;
  /** Writes `text` (or bytes) to a file in the folder and loads it. */
  load(name: string, content: string | Buffer, options?: { dryRun?: boolean }): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Opens a local pipeline whose store lives in `dir`. */
export async function openLocal(
  dir: string,
  options: {
    catalogue?: string;
    env?: NodeJS.ProcessEnv;
    wrapStore?: (store: SqliteRecordStore) => RecordStore;
    /** Writes from a worker thread; a path here overrides the store's. */
    writerThread?: boolean | { sqlitePath: string };
  } = {},
): Promise<LocalPipeline> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const store = SqliteRecordStore.open(join(dir, 'apilados.db'));
  let path: string | undefined;
  if (options.catalogue !== undefined) {
    path = join(dir, 'ccts_export.csv');
    writeFileSync(path, options.catalogue);
  }
  const settings = loadSettings({ ...options.env });
  const catalogue = await prepareLocalCatalogue({
    store,
    logger: createLogger('cct-lookup'),
    path,
    usePreloading: settings.ccts.usePreloading,
    budgetMb: settings.ccts.maxMemoryMb,
  });
  const runtime = new LocalRuntime({
    settings,
    store: options.wrapStore ? options.wrapStore(store) : store,
    catalogue,
    workDir: join(dir, 'objects'),
    ...(options.writerThread && {
      writerThread: options.writerThread === true
        ? { sqlitePath: join(dir, 'apilados.db') }
        : options.writerThread,
    }),
  });
  return {
    store,
    dir,
    async load(name, content, loadOptions = {}) {
      const file = join(dir, name);
      writeFileSync(file, content);
      return runtime.load(file, loadOptions);
    },
    async close() {
      await runtime.close();
      await store.close();
    },
  };
}

/** The completed detail of a load, failing the test otherwise. */
export function completed(result: LoadResult) {
  if (result.status !== 'completed') {
    throw new Error(`expected a completed load, got ${result.status}: ${JSON.stringify(result.detail)}`);
  }
  return result;
}
