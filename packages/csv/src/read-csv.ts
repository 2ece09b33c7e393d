import { Readable, Transform } from 'node:stream';
import csvParser from 'csv-parser';
import {
  missingRequiredColumns,
  normaliseHeader,
} from '@apilados/domain';
import { FileCheckError } from './errors.js';
import { sniff, type Sniffed } from './sniff.js';

/** One data record of a CSV file. */
export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  readonly row: number;
  /** Cells in column order; `undefined` where the column was unnamed. */
  readonly cells: string[];
  /** Set when the record has a different number of fields. */
  readonly fieldCount?: { expected: number; found: number };
}

/** An opened CSV file: how it reads, its columns, and its records. */
export interface CsvFile extends Sniffed {
  /** Normalised column names; '' for a column with an empty header. */
  readonly columns: readonly string[];
  /** Records after the header; blank lines are skipped. */
  readonly records: AsyncIterable<CsvRecord>;
}

/** Options for opening a file. */
export interface OpenCsvOptions {
  readonly fileName: string;
  /** Bytes read before deciding encoding and separator (default 64 KiB). */
  readonly sampleBytes?: number;
  /** Longest record accepted, in bytes (default 1 MiB). */
  readonly maxRecordBytes?: number;
}

/**
 * Opens a CSV byte stream: checks it is text, detects encoding and
 * separator, reads and checks the header, and returns the records as an
 * async iterable that streams the rest of the file.
 *
 * @throws FileCheckError when the file cannot be loaded at all.
 */
export async function openCsv(
  source: Readable,
  options: OpenCsvOptions,
): Promise<CsvFile> {
  const { fileName } = options;
  const chunks = source[Symbol.asyncIterator]();
  const sample = await readSample(chunks, options.sampleBytes ?? 64 * 1024);
  const sniffed = sniff(sample, fileName);

  const bytes = Readable.from(concat(sample.subarray(sniffed.bomLength), chunks));
  const utf8 = sniffed.encoding === 'utf-8' ? bytes : bytes.pipe(toUtf8(sniffed.encoding));
  const parser = utf8.pipe(
    csvParser({
      separator: sniffed.separator,
      headers: false,
      maxRowBytes: options.maxRecordBytes ?? 1024 * 1024,
    }),
  );
  bytes.on('error', (error) => parser.destroy(error));

  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<Record<string, string>>;
  const columns = await readHeader(rows, fileName);
  return { ...sniffed, columns, records: records(rows, columns.length, fileName) };
}

async function readSample(
  chunks: AsyncIterator<Buffer>,
  size: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

async function* concat(first: Buffer, rest: AsyncIterator<Buffer>) {
  if (first.length > 0) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield next.value;
  }
}

function toUtf8(encoding: 'windows-1252' | 'utf-16le'): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

async function readHeader(
  rows: AsyncIterator<Record<string, string>>,
  fileName: string,
): Promise<string[]> {
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const cells = Object.values(next.value);
    if (isBlank(cells)) continue;
    const columns = cells.map(normaliseHeader);
    checkColumns(columns, cells, fileName);
    return columns;
  }
  throw new FileCheckError('empty', fileName, 'is empty: it has no header row');
}

function checkColumns(columns: string[], raw: string[], fileName: string): void {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  columns.forEach((column, i) => {
    if (column === '') return;
    const first = seen.get(column);
    if (first === undefined) seen.set(column, i);
    else {
      duplicates.push(
        `'${raw[first]!.trim()}' (column ${first + 1}) and ` +
          `'${raw[i]!.trim()}' (column ${i + 1}) both read as '${column}'`,
      );
    }
  });
  if (duplicates.length > 0) {
    throw new FileCheckError('duplicate-columns', fileName,
      `has duplicate columns: ${duplicates.join('; ')}`);
  }

  const missing = missingRequiredColumns(columns);
  if (missing.length > 0) {
    throw new FileCheckError('missing-columns', fileName,
      `is missing required column${missing.length > 1 ? 's' : ''}: ` +
        missing.join(', '));
  }
}

async function* records(
  rows: AsyncIterator<Record<string, string>>,
  width: number,
  fileName: string,
): AsyncIterable<CsvRecord> {
  let row = 1;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      row++;
      const cells = Object.values(next.value);
      if (isBlank(cells)) continue;
      if (cells.length === width || extraCellsAreEmpty(cells, width)) {
        yield { row, cells };
      } else {
        yield { row, cells, fieldCount: { expected: width, found: cells.length } };
      }
    }
  } catch (error) {
    throw new FileCheckError('unreadable', fileName,
      `could not be read after row ${row}: ${(error as Error).message}`);
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function extraCellsAreEmpty(cells: string[], width: number): boolean {
  if (cells.length < width) return false;
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}
