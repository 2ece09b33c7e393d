import { Readable } from 'node:stream';
import csvParser from 'csv-parser';

/** A parsed CSV record, keyed by header. */
export type CsvRecord = Record<string, string>;

/**
 * Parses CSV text with csv-parser, the way a reader of generated files
 * would; used by tests to check that what is written reads back intact.
 */
export async function parseCsv(
  text: string,
  separator = ',',
): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  const parser = Readable.from([text]).pipe(csvParser({ separator }));
  for await (const record of parser) records.push(record as CsvRecord);
  return records;
}
