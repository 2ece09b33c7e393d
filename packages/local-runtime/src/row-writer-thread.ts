import { Worker } from 'node:worker_threads';
import type { PlannedWrite, RowWriter, WriteOutcome } from '@apilados/persistence';
import { WriterThreadError } from './errors.js';
import { bundleWorker } from './worker-bundle.js';

/** What the writer thread is started with. */
export interface WriterThreadData {
  /** The embedded store the thread opens its own connection to. */
  readonly sqlitePath: string;
  /** Rows written together; one store round per collection per batch. */
  readonly batchSize: number;
}

/** Messages from the main thread to the writer thread. */
export type ToWorker =
  | {
      readonly type: 'write';
      readonly id: number;
      /**
       * The planned rows as JSON: V8 writes and reads JSON faster than it
       * clones the same objects between threads.
       */
      readonly planned: string;
    }
  | { readonly type: 'close' };

/** Messages from the writer thread to the main thread. */
export type ToMain =
  | { readonly type: 'written'; readonly id: number; readonly outcome: WriteOutcome }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly name: string;
      readonly message: string;
    };

interface Pending {
  readonly resolve: (outcome: WriteOutcome) => void;
  readonly reject: (error: Error) => void;
}

const ENTRY = new URL('./row-writer-worker.ts', import.meta.url);

/**
 * Writes planned rows to the embedded store on a worker thread of its
 * own, one chunk at a time in the order they arrive. Writing one chunk
 * then overlaps reading, checking and planning the next on the main
 * thread, on a second core.
 *
 * @example
 * const writer = new WriterThread({ sqlitePath, batchSize: 100 });
 * const outcome = await writer.write(planned);
 * await writer.close();
 */
export class WriterThread implements RowWriter {
  private readonly worker: Promise<Worker>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: WriterThreadError | undefined;

  constructor(data: WriterThreadData) {
    this.worker = bundleWorker(ENTRY).then((url) => {
      const worker = new Worker(url, {
        workerData: data,
        // As for the main thread (see the CLI's bin): rows are short-lived,
        // and a bounded heap is collected before it grows far.
        resourceLimits: { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 },
      });
      worker.on('message', (message: ToMain) => this.receive(message));
      worker.on('error', (error) => this.stop(error.message));
      worker.on('exit', (code) => this.stop(`it exited with code ${code}`));
      return worker;
    });
    this.worker.catch((error: Error) => this.stop(`it could not start: ${error.message}`));
  }

  async write(planned: readonly PlannedWrite[]): Promise<WriteOutcome> {
    const worker = await this.worker;
    if (this.stopped) throw this.stopped;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToWorker = { type: 'write', id, planned: JSON.stringify(planned) };
      worker.postMessage(message);
    });
  }

  /** Lets the thread finish what it holds, close its store and exit. */
  async close(): Promise<void> {
    const worker = await this.worker.catch(() => undefined);
    if (!worker || this.stopped) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
  }

  private receive(message: ToMain): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'written') pending.resolve(message.outcome);
    else pending.reject(Object.assign(new Error(message.message), { name: message.name }));
  }

  private stop(reason: string): void {
    this.stopped ??= new WriterThreadError(reason);
    for (const { reject } of this.pending.values()) reject(this.stopped);
    this.pending.clear();
  }
}
