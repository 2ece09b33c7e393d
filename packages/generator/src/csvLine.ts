import type { CsvFormatOptions } from './types.js';

/** Writes records as CSV text in one layout. */
export interface CsvLineWriter {
  readonly separator: string;
  readonly lineEnd: string;
  /** One field, quoted when it must be. */
  field(cell: string): string;
  /** Fields joined by the separator, without a line end. */
  fields(cells: readonly string[]): string;
  /** A whole record, line end included. */
  line(cells: readonly string[]): string;
}

/**
 * A writer following RFC 4180: a field holding the separator, a quote or a
 * line break is wrapped in quotes, with its quotes doubled.
 *
 * @example csvLineWriter({}).line(['a', 'b,c']) // 'a,"b,c"\n'
 */
export function csvLineWriter(format: CsvFormatOptions): CsvLineWriter {
  const separator = format.separator ?? ',';
  const lineEnd = format.crlf === true ? '\r\n' : '\n';
  const needsQuotes = new RegExp(`[${separator}"\\r\\n]`);

  const field = (cell: string) =>
    needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const fields = (cells: readonly string[]) => {
    let text = field(cells[0] ?? '');
    for (let i = 1; i < cells.length; i += 1) {
      text += separator + field(cells[i] ?? '');
    }
    return text;
  };

  return {
    separator,
    lineEnd,
    field,
    fields,
    line: (cells) => fields(cells) + lineEnd,
  };
}
