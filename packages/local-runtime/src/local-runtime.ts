import { mkdir, rm, symlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Settings } from '@apilados/config';
import {
  ChunkPersisted,
  ChunkReady,
  FileCompleted,
  FileRejected,
  SUBSCRIPTIONS,
  dispatch,
  isEvent,
  keys,
  type DetailOf,
  type DomainEvent,
  type Route,
  type ServiceName,
} from '@apilados/events';
import { InProcessBus } from '@apilados/event-bus';
import { FsObjectStore } from '@apilados/object-store';
import { MemoryProgressStore } from '@apilados/progress-store';
import type { RecordStore } from '@apilados/record-store';
import { createLogger } from '@apilados/observability';
import { createIntake, fileIdFor, intakeRoutes } from '@apilados/intake';
import { createCctLookup, cctLookupRoutes } from '@apilados/cct-lookup';
import {
  createPersistence,
  persistenceRoutes,
  storeWriter,
} from '@apilados/persistence';
import {
  catalogueCheck,
  createHealth,
  memoryCheck,
  recordStoreCheck,
  type HealthReport,
} from '@apilados/health';
import type { LocalCatalogue } from './local-catalogue.js';
import { LoadStoppedError } from './errors.js';
import { WriterThread } from './row-writer-thread.js';

/** Progress of one load, reported as chunks move through the pipeline. */
export interface LoadProgress {
  /** Rows cut into chunks so far. */
  readonly rowsRead: number;
  /** Rows whose chunk is persisted. */
  readonly rowsDone: number;
  readonly chunksDone: number;
  /** Chunks in the file; null while it is still being read. */
  readonly chunksTotal: number | null;
}

/** How a load ended. */
export type LoadResult =
  | { readonly status: 'completed'; readonly detail: DetailOf<typeof FileCompleted>; readonly reportPath: string | null }
  | { readonly status: 'rejected'; readonly detail: DetailOf<typeof FileRejected> };

/** What the local runtime runs on. */
export interface LocalRuntimeOptions {
  readonly settings: Settings;
  readonly store: RecordStore;
  readonly catalogue: LocalCatalogue;
  /** Folder for chunks, outcomes and reports (default `.apilados/objects`). */
  readonly workDir?: string;
  /** Keep chunk objects after a load, for debugging (default false). */
  readonly keepWork?: boolean;
  /**
   * Chunks persisted at once in parallel mode (default 1: the embedded
   * store writes synchronously, so more only holds more chunks in memory;
   * a CMS store benefits from a few).
   */
  readonly persistenceConcurrency?: number;
  /**
   * Writes to the embedded store at this path from a worker thread with
   * a connection of its own, so that writing one chunk overlaps reading
   * and planning the next on a second core. Without it every write runs
   * on the main thread through `store`, as with a CMS store.
   */
  readonly writerThread?: { readonly sqlitePath: string };
}

/**
 * The four services wired on an in-process bus, from the same
 * subscription table the cloud deployment uses, with a filesystem object
 * store and an in-memory progress store.
 *
 * @example
 * const runtime = new LocalRuntime({ settings, store, catalogue });
 * const result = await runtime.load('participaciones.csv');
 */
export class LocalRuntime {
  readonly bus: InProcessBus;
  readonly objects: FsObjectStore;
  private readonly loggers: Record<ServiceName, Logger>;
  private readonly routes: Record<ServiceName, Route[]>;
  private readonly intake;
  private readonly health;
  private readonly writerThread: WriterThread | undefined;

  constructor(private readonly options: LocalRuntimeOptions) {
    const { settings, store, catalogue } = options;
    this.bus = new InProcessBus({
      onDeadLetter: (letter) =>
        this.loggers.intake.error('event could not be handled', {
          subscriber: letter.subscriber,
          detailType: letter.event['detail-type'],
          error: String(letter.error),
        }),
    });
    this.objects = new FsObjectStore(options.workDir ?? '.apilados/objects');
    this.loggers = {
      intake: createLogger('intake'),
      'cct-lookup': createLogger('cct-lookup'),
      persistence: createLogger('persistence'),
      health: createLogger('health'),
    };

    const common = { objects: this.objects, bus: this.bus };
    this.intake = createIntake({
      ...common,
      progress: new MemoryProgressStore(),
      logger: this.loggers.intake,
      chunkSize: settings.chunkSize,
      maxFileBytes: settings.maxFileBytes,
    });
    const lookup = createCctLookup({
      ...common,
      logger: this.loggers['cct-lookup'],
      resolver: async () => catalogue.resolver,
    });
    const batchSize = settings.processMode === 'sequential' ? 1 : settings.batchSize;
    if (options.writerThread) {
      this.writerThread = new WriterThread({ ...options.writerThread, batchSize });
    }
    const persistence = createPersistence({
      ...common,
      writer: this.writerThread ?? storeWriter(store, batchSize),
      logger: this.loggers.persistence,
    });
    this.health = createHealth({
      bus: this.bus,
      logger: this.loggers.health,
      environment: settings.environment,
      checks: [
        recordStoreCheck(store),
        memoryCheck({ limitBytes: heapLimit() }),
        catalogueCheck(async () => catalogue),
      ],
    });

    this.routes = {
      intake: intakeRoutes(this.intake),
      'cct-lookup': cctLookupRoutes(lookup),
      persistence: persistenceRoutes(persistence),
      health: [],
    };
    this.subscribe();
  }

  private subscribe(): void {
    const parallel = this.options.settings.processMode === 'parallel';
    for (const service of Object.keys(SUBSCRIPTIONS) as ServiceName[]) {
      const definitions = SUBSCRIPTIONS[service];
      if (definitions.length === 0) continue;
      const routes = this.routes[service];
      this.bus.subscribe(
        service,
        definitions,
        (event) => dispatch(routes, event),
        parallel ? this.concurrencyOf(service) : 1,
      );
    }
  }

  private concurrencyOf(service: ServiceName): number {
    if (service !== 'persistence') return 2;
    // With a writer thread, a second chunk is planned while one is written.
    return this.options.persistenceConcurrency ?? (this.writerThread ? 2 : 1);
  }

  /**
   * Loads one CSV file and resolves once it is completed or rejected.
   *
   * @throws LoadStoppedError when chunks could not be handled (for
   * instance the store stopped answering); the chunks already persisted
   * stay, and a re-run loads the rest.
   */
  async load(
    path: string,
    options: { dryRun?: boolean; onProgress?: (p: LoadProgress) => void } = {},
  ): Promise<LoadResult> {
    const name = basename(path);
    const fileId = fileIdFor(name);
    const key = `uploads/${fileId}/${name}`;
    await mkdir(join(this.objects.root, 'uploads', fileId), { recursive: true });
    await symlink(resolve(path), this.objects.pathOf(key));

    const watch = this.watch(fileId, options.onProgress);
    try {
      await this.intake.receive({ key, name, fileId, dryRun: options.dryRun ?? false });
      await this.bus.drain();
      const ended = watch.result();
      if (ended) return ended;
      const letter = this.bus.deadLetters[0];
      throw new LoadStoppedError(name, describe(letter?.error), watch.chunksDone());
    } finally {
      watch.stop();
      await rm(join(this.objects.root, 'uploads', fileId), { recursive: true, force: true });
      if (!this.options.keepWork) await this.objects.deletePrefix(keys.work(fileId));
    }
  }

  /** Stops the writer thread, if any; `store` is the caller's to close. */
  async close(): Promise<void> {
    await this.writerThread?.close();
  }

  /** Runs every health check once. */
  async checkHealth(): Promise<HealthReport> {
    return this.health.check();
  }

  private watch(fileId: string, onProgress?: (p: LoadProgress) => void) {
    let rowsRead = 0;
    let rowsDone = 0;
    let chunksDone = 0;
    let chunksTotal: number | null = null;
    let result: LoadResult | undefined;
    let active = true;
    const report = () => onProgress?.({ rowsRead, rowsDone, chunksDone, chunksTotal });

    this.bus.listen((event: DomainEvent) => {
      const detail = event.detail as { fileId?: string };
      if (!active || detail.fileId !== fileId) return;
      if (isEvent(ChunkReady, event)) {
        rowsRead += (event.detail as DetailOf<typeof ChunkReady>).rowCount;
        report();
      } else if (isEvent(ChunkPersisted, event)) {
        rowsDone += (event.detail as DetailOf<typeof ChunkPersisted>).rows.read;
        chunksDone++;
        report();
      } else if (isEvent(FileCompleted, event)) {
        const completed = event.detail as DetailOf<typeof FileCompleted>;
        chunksTotal = completed.chunks;
        result = { status: 'completed', detail: completed, reportPath: null };
        report();
      } else if (isEvent(FileRejected, event)) {
        result = { status: 'rejected', detail: event.detail as DetailOf<typeof FileRejected> };
      }
    });

    return {
      result: () =>
        result?.status === 'completed' && result.detail.reportKey
          ? { ...result, reportPath: this.objects.pathOf(result.detail.reportKey) }
          : result,
      chunksDone: () => chunksDone,
      stop: () => {
        active = false;
      },
    };
  }
}

/**
 * The memory the process may use: the Lambda function's memory size, or
 * V8's heap ceiling elsewhere.
 */
function heapLimit(): number {
  const limitMb = Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  if (Number.isFinite(limitMb) && limitMb > 0) return limitMb * 1024 * 1024;
  // Limitation: outside Lambda this is V8's heap ceiling, not a
  // container's cgroup limit; reading cgroups would make it exact.
  return getHeapStatistics().heap_size_limit;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'chunks were left unprocessed' : String(error);
}
