import { StringDecoder } from 'node:string_decoder';
import { CatalogueFormatError } from './errors.js';

/** Where catalogue bytes or text come from: a file stream, an S3 body... */
export type CatalogueSource =
  | AsyncIterable<Buffer | Uint8Array | string>
  | NodeJS.ReadableStream;

/**
 * Longest line accepted. A catalogue line is an id and a ten-character code,
 * so anything near this size is the wrong file; stopping keeps memory flat.
 */
export const MAX_LINE_CHARS = 65_536;

/**
 * Splits a catalogue source into lines, yielding them in batches (one per
 * chunk read) so that each line does not cost a promise. Bytes are decoded
 * as UTF-8 (a multi-byte character split between chunks is kept whole);
 * `\n` and `\r\n` both end a line and the `\r` is dropped. A UTF-16
 * byte-order mark throws a `CatalogueFormatError`.
 *
 * Line splitting instead of a CSV parser: a valid line holds an integer and
 * a ten-character code, neither of which can contain a separator, a quote
 * or a line break, so quoting rules never change where a line ends; the
 * caller unquotes fields. It is several times faster and gives exact line
 * numbers for error reports.
 */
export async function* lineBatches(
  source: CatalogueSource,
  file?: string,
): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let linesDone = 0;
  let first = true;
  for await (const chunk of source as AsyncIterable<unknown>) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
    } else if (chunk instanceof Uint8Array) {
      if (first && chunk.length >= 2) rejectUtf16(chunk, file);
      text = decoder.write(chunk);
    } else {
      throw new TypeError(
        'CCT catalogue source must yield strings or bytes, got ' +
        typeof chunk,
      );
    }
    if (text.length === 0) continue;
    first = false;
    const data = pending + text;
    const lines: string[] = [];
    let start = 0;
    let end = data.indexOf('\n');
    while (end !== -1) {
      lines.push(withoutCr(data.slice(start, end)));
      start = end + 1;
      end = data.indexOf('\n', start);
    }
    pending = data.slice(start);
    linesDone += lines.length;
    if (pending.length > MAX_LINE_CHARS) {
      tooLong(linesDone + 1, pending.length, file);
    }
    if (lines.length > 0) yield lines;
  }
  pending += decoder.end();
  if (pending.length > MAX_LINE_CHARS) {
    tooLong(linesDone + 1, pending.length, file);
  }
  if (pending.length > 0) yield [withoutCr(pending)];
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function rejectUtf16(bytes: Uint8Array, file: string | undefined): void {
  const mark = (bytes[0] === 0xff && bytes[1] === 0xfe) ? 'FF FE'
    : (bytes[0] === 0xfe && bytes[1] === 0xff) ? 'FE FF'
    : undefined;
  if (mark === undefined) return;
  throw new CatalogueFormatError({
    file,
    line: 1,
    expected: 'UTF-8 text (save the catalogue as "CSV UTF-8")',
    found: `UTF-16 text (byte-order mark ${mark})`,
  });
}

function tooLong(line: number, length: number, file?: string): never {
  throw new CatalogueFormatError({
    file,
    line,
    expected: `lines of at most ${MAX_LINE_CHARS} characters`,
    found: `a line of more than ${length} characters`,
  });
}
