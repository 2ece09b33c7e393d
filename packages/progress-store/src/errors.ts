/** Thrown when progress is reported for a file that was never begun. */
export class UnknownFileError extends Error {
  override readonly name = 'UnknownFileError';

  constructor(readonly fileId: string) {
    super(`no progress is recorded for file '${fileId}'`);
  }
}
