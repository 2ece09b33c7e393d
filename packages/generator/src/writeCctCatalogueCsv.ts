import { catalogueFor } from './cctCatalogue.js';
import type { CctCatalogue } from './cctCatalogue.js';
import { writeChunks } from './fileSink.js';
import { resolveCounts } from './resolveOptions.js';
import type { CatalogueResult, GenerateOptions } from './types.js';

/** Header of a catalogue exported from the CMS. */
export const CATALOGUE_HEADER = 'id,clave';

function* catalogueChunks(catalogue: CctCatalogue) {
  let chunk = `${CATALOGUE_HEADER}\n`;
  for (let index = 0; index < catalogue.size; index += 1) {
    chunk += `${index + 1},${catalogue.codeAt(index)}\n`;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/**
 * Writes the CCT catalogue matching a participation file generated with the
 * same options, as the CMS exports it: `id,clave`, ids 1..N, comma
 * separated, `\n` line ends, UTF-8.
 *
 * @example
 * await writeCctCatalogueCsv('ccts_export.csv', { rows: 300, seed: 7 });
 */
export async function writeCctCatalogueCsv(
  path: string,
  options: Pick<GenerateOptions, 'rows' | 'seed' | 'catalogue'>,
): Promise<CatalogueResult> {
  const { rows, seed } = resolveCounts(options);
  const catalogue = catalogueFor(options.catalogue, rows, seed);
  const bytes = await writeChunks(path, catalogueChunks(catalogue), 'utf-8');
  return { entries: catalogue.size, bytes };
}
