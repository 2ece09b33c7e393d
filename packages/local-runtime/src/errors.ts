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
