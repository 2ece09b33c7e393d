import { writeChunks } from './fileSink.js';
import { participationChunks } from './participationChunks.js';
import { resolveOptions } from './resolveOptions.js';
import type { GenerateOptions, GenerateResult } from './types.js';

/**
 * Writes a generated participation file to `path`, streaming with
 * backpressure, and resolves with what the file holds. Pair it with
 * {@link writeCctCatalogueCsv} and the same options so every well-formed
 * CCT in the file is in the catalogue.
 *
 * @example
 * const options = { rows: 100_000, seed: 7 };
 * await writeCctCatalogueCsv('ccts_export.csv', options);
 * const result = await writeParticipationsCsv('participaciones.csv', options);
 */
export async function writeParticipationsCsv(
  path: string,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const chunks = participationChunks(resolved);

  let result: GenerateResult | undefined;
  function* collect() {
    result = yield* chunks;
  }
  const bytes = await writeChunks(path, collect(), resolved.format.encoding);
  return { ...(result as GenerateResult), bytes };
}
