/** Why a whole file is refused. */
export type FileProblem =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'spreadsheet'
  | 'missing-columns'
  | 'duplicate-columns'
  | 'unreadable';

/** Thrown when a file cannot be loaded at all; says why in one line. */
export class FileCheckError extends Error {
  override readonly name = 'FileCheckError';

  constructor(
    readonly code: FileProblem,
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
}
