/** Thrown when a load stopped before every chunk was accounted for. */
export class LoadStoppedError extends Error {
  override readonly name = 'LoadStoppedError';

  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly chunksDone: number,
  ) {
    super(`${fileName}: load stopped after ${chunksDone} chunk(s): ${reason}`);
  }
}

/** Thrown when the thread writing to the embedded store stopped. */
export class WriterThreadError extends Error {
  override readonly name = 'WriterThreadError';

  constructor(readonly reason: string) {
    super(`the store's writer thread stopped: ${reason}`);
  }
}

/** Thrown when the folder for worker bundles is not this user's alone. */
export class WorkerBundleError extends Error {
  override readonly name = 'WorkerBundleError';

  constructor(readonly folder: string) {
    super(`${folder} must be a folder of this user's with no access for ` +
      'others (mode 700); remove it or set TMPDIR to another place');
  }
}
