import type {
  FileProgress,
  FileRecord,
  ProgressStore,
} from './progress-store.js';
import { UnknownFileError } from './errors.js';
import { isComplete } from './progress-store.js';

interface Entry {
  record: FileRecord;
  expected: number | null;
  done: Set<number>;
  claimed: boolean;
}

/** Progress kept in this process's memory, for local runs and tests. */
export class MemoryProgressStore implements ProgressStore {
  private readonly files = new Map<string, Entry>();

  async begin(record: FileRecord): Promise<void> {
    if (this.files.has(record.fileId)) return;
    this.files.set(record.fileId, {
      record,
      expected: null,
      done: new Set(),
      claimed: false,
    });
  }

  async get(fileId: string): Promise<FileRecord | undefined> {
    return this.files.get(fileId)?.record;
  }

  async setExpected(fileId: string, chunks: number): Promise<FileProgress> {
    const entry = this.entry(fileId);
    entry.expected = chunks;
    return this.progress(fileId, entry);
  }

  async markDone(fileId: string, chunk: number): Promise<FileProgress> {
    const entry = this.entry(fileId);
    entry.done.add(chunk);
    return this.progress(fileId, entry);
  }

  async claimCompletion(fileId: string): Promise<FileProgress | undefined> {
    const entry = this.entry(fileId);
    const state = this.progress(fileId, entry);
    if (entry.claimed || !isComplete(state)) return undefined;
    entry.claimed = true;
    return state;
  }

  private entry(fileId: string): Entry {
    const entry = this.files.get(fileId);
    if (!entry) throw new UnknownFileError(fileId);
    return entry;
  }

  private progress(fileId: string, entry: Entry): FileProgress {
    return { fileId, expectedChunks: entry.expected, doneChunks: entry.done.size };
  }
}
