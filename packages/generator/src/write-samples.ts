/**
 * Regenerates the bundled sample: 300 participation rows (seed 7) and the
 * CCT catalogue they point at.
 *
 *   npx tsx packages/generator/src/write-samples.ts
 */
import { fileURLToPath } from 'node:url';
import { writeCctCatalogueCsv } from './writeCctCatalogueCsv.js';
import { writeParticipationsCsv } from './writeParticipationsCsv.js';

const SAMPLE = { rows: 300, seed: 7 };
const samples = (name: string) =>
  fileURLToPath(new URL(`../../../samples/${name}`, import.meta.url));

const catalogue = await writeCctCatalogueCsv(
  samples('ccts_export.csv'),
  SAMPLE,
);
const result = await writeParticipationsCsv(
  samples('participaciones.csv'),
  SAMPLE,
);

console.log(
  `samples/participaciones.csv: ${result.rows} rows, ` +
    `${result.people} people, ${result.implementations} implementations; ` +
    `samples/ccts_export.csv: ${catalogue.entries} entries`,
);
