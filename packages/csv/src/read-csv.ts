import { isAscii } from 'node:buffer';
import { Readable, Transform } from 'node:stream';
import csvParser from 'csv-parser';
import {
  missingRequiredColumns,
  normaliseHeader,
} from '@apilados/domain';
import { FileCheckError } from './errors.js';
import { sniff, type Encoding, type Sniffed } from './sniff.js';
import { Utf8OrWindows1252 } from './utf8-or-windows-1252.js';
import { decodeWindows1252 } from './windows-1252.js';

/** One data record of a CSV file. */
export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  readonly row: number;
  /**
   * Cells in column order. Extra empty cells after the last column are
   * dropped; other extra cells are kept and flagged with `fieldCount`.
   */
  readonly cells: string[];
  /** Set when the record has a different number of fields. */
  readonly fieldCount?: { expected: number; found: number };
}

/**
 * The longest record read, 64 MiB: far beyond any real row, so that an
 * over-long cell is a row error (see the domain's cell limit) rather than
 * the end of the file, while memory stays bounded.
 */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** An opened CSV file: how it reads, its columns, and its records. */
export interface CsvFile extends Sniffed {
  /** Normalised column names; '' for a column with an empty header. */
  readonly columns: readonly string[];
  /**
   * Records after the header; blank lines are skipped but still count
   * towards row numbers, as in the spreadsheet.
   */
  readonly records: AsyncIterable<CsvRecord>;
}

/** Options for opening a file. */
export interface OpenCsvOptions {
  readonly fileName: string;
  /** Bytes read before deciding encoding and separator (default 64 KiB). */
  readonly sampleBytes?: number;
  /** Longest record accepted, in bytes (default 64 MiB). */
  readonly maxRecordBytes?: number;
}

/**
 * Opens a CSV byte stream: checks it is text, detects encoding and
 * separator, reads and checks the header, and returns the records as an
 * async iterable that streams the rest of the file. When the sample is
 * plain ASCII and Windows-1252 bytes appear later, those later bytes are
 * still decoded as Windows-1252.
 *
 * @throws FileCheckError when the file cannot be loaded at all; an error
 * of `source` itself, here or while reading records, is thrown unchanged.
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
  const decoder = decoderFor(sniffed, sample);
  const utf8 = decoder ? bytes.pipe(decoder) : bytes;
  const parser = utf8.pipe(
    csvParser({
      separator: sniffed.separator,
      headers: false,
      newline: sniffed.newline,
      maxRowBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
    }),
  );
  // A failing source (a dropped connection) is not a fault of the file:
  // its error passes through as it is, so that the load can be retried.
  const sourceErrors = new WeakSet<object>();
  bytes.on('error', (error) => {
    sourceErrors.add(error);
    parser.destroy(error);
  });
  decoder?.on('error', (error) => parser.destroy(error));

  const rows = rowsOf(parser, fileName, sourceErrors);
  const header = await readHeader(rows, fileName);
  return {
    ...sniffed,
    columns: header.columns,
    records: records(rows, header.columns.length, header.row),
  };
}

/** The transform turning the file's bytes into UTF-8, if any is needed. */
function decoderFor(sniffed: Sniffed, sample: Buffer): Transform | undefined {
  if (sniffed.encoding !== 'utf-8') return toUtf8(sniffed.encoding);
  if (sniffed.bomLength > 0 || !isAscii(sample)) return undefined;
  return new Utf8OrWindows1252();
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

function toUtf8(encoding: Exclude<Encoding, 'utf-8'>): Transform {
  if (encoding === 'windows-1252') {
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
      },
    });
  }
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

type Rows = AsyncIterator<Record<string, string>>;

/**
 * The parser's rows; a parse error becomes a `FileCheckError` naming the
 * last row read whole. Rows already parsed but not yet taken are dropped
 * by the failed stream, so the parser's own line count tells the row.
 * Errors of the source itself are thrown unchanged.
 */
function rowsOf(
  parser: Transform,
  fileName: string,
  sourceErrors: WeakSet<object>,
): Rows {
  const iterator = parser[Symbol.asyncIterator]() as Rows;
  return {
    async next() {
      try {
        return await iterator.next();
      } catch (error) {
        if (error instanceof Object && sourceErrors.has(error)) throw error;
        const done = linesParsed(parser);
        const where = done > 0 ? ` after row ${done}` : '';
        throw new FileCheckError('unreadable', fileName,
          `could not be read${where}: ${(error as Error).message}`);
      }
    },
  };
}

/** Records csv-parser has read whole so far, blank lines included. */
function linesParsed(parser: Transform): number {
  const state = (parser as unknown as { state?: { lineNumber?: unknown } }).state;
  return typeof state?.lineNumber === 'number' ? state.lineNumber : 0;
}

async function readHeader(
  rows: Rows,
  fileName: string,
): Promise<{ columns: string[]; row: number }> {
  let row = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    row++;
    const cells = Object.values(next.value);
    if (isBlank(cells)) continue;
    const columns = cells.map(normaliseHeader);
    checkColumns(columns, cells, fileName);
    return { columns, row };
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
  rows: Rows,
  width: number,
  headerRow: number,
): AsyncIterable<CsvRecord> {
  let row = headerRow;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    row++;
    const cells = Object.values(next.value);
    if (isBlank(cells)) continue;
    if (cells.length === width) {
      yield { row, cells };
    } else if (extraCellsAreEmpty(cells, width)) {
      yield { row, cells: cells.slice(0, width) };
    } else {
      yield { row, cells, fieldCount: { expected: width, found: cells.length } };
    }
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
