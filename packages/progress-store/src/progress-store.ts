/** What is remembered of a file while its chunks are processed. */
export interface FileRecord {
  readonly fileId: string;
  readonly file: {
    readonly bucket?: string | undefined;
    readonly key: string;
    readonly name: string;
    readonly size: number;
  };
  readonly dryRun: boolean;
  readonly startedAt: string;
}

/** How far a file has come. */
export interface FileProgress {
  readonly fileId: string;
  /** Chunks the file was cut into; null while it is still being cut. */
  readonly expectedChunks: number | null;
  /** Distinct chunks accounted for. */
  readonly doneChunks: number;
}

/**
 * Tracks each file until every chunk is accounted for. Every method is
 * safe under concurrent callers and repeated deliveries of one event.
 */
export interface ProgressStore {
  /** Remembers a file; repeating it changes nothing. */
  begin(record: FileRecord): Promise<void>;
  /** The remembered file, if any. */
  get(fileId: string): Promise<FileRecord | undefined>;
  /** Records how many chunks the file was cut into. */
  setExpected(fileId: string, chunks: number): Promise<FileProgress>;
  /** Marks one chunk as accounted for; marking it again changes nothing. */
  markDone(fileId: string, chunk: number): Promise<FileProgress>;
  /**
   * Returns the final progress to exactly one caller, and only once every
   * chunk is done; `undefined` to everyone else.
   */
  claimCompletion(fileId: string): Promise<FileProgress | undefined>;
}

/** True when the file's every chunk is accounted for. */
export function isComplete(progress: FileProgress): boolean {
  return (
    progress.expectedChunks !== null &&
    progress.doneChunks >= progress.expectedChunks
  );
}
