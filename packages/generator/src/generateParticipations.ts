import { participationChunks } from './participationChunks.js';
import { resolveOptions } from './resolveOptions.js';
import type { GenerateOptions, GenerateResult } from './types.js';

/** Generated CSV text, chunk by chunk, and what it holds once read. */
export interface ParticipationCsv extends AsyncIterable<string> {
  /** Settles with the file's counts when iteration has read every chunk. */
  readonly result: Promise<GenerateResult>;
}

/**
 * Generates a participation file as CSV text chunks (about 64 KiB each),
 * header first. Same options and seed, same text. Rows are produced only as
 * chunks are read, so any size fits in flat memory. Options are checked at
 * once and a `GeneratorOptionError` is thrown for values out of range.
 *
 * @example
 * const csv = generateParticipations({ rows: 1000, seed: 7 });
 * for await (const text of csv) process.stdout.write(text);
 * const { people } = await csv.result;
 */
export function generateParticipations(
  options: GenerateOptions,
): ParticipationCsv {
  const resolved = resolveOptions(options);
  let settle: (result: GenerateResult) => void = () => undefined;
  const result = new Promise<GenerateResult>((resolve) => {
    settle = resolve;
  });

  async function* chunks(): AsyncGenerator<string, void, undefined> {
    settle(yield* participationChunks(resolved));
  }
  return { result, [Symbol.asyncIterator]: chunks };
}
