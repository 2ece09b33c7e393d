import { isUtf8 } from 'node:buffer';
import { FileCheckError } from './errors.js';
import { withoutPartialChar } from './partial-char.js';
import { decodeWindows1252 } from './windows-1252.js';

/** The encodings a file may arrive in. */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le';

/** The field separators a file may use. */
export type Separator = ',' | ';' | '\t';

/** What the first bytes of a file say about how to read it. */
export interface Sniffed {
  readonly encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
  /** `\r` for files with old Mac line ends (CR alone), `\n` otherwise. */
  readonly newline: '\n' | '\r';
  readonly separator: Separator;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Decides from a file's first bytes whether it is CSV text and how to read
 * it. Throws `FileCheckError` for an empty, binary or spreadsheet file.
 *
 * Encoding: a byte-order mark decides; otherwise the sample is UTF-8 when
 * its bytes are valid UTF-8 (an exact test, Node's `isUtf8`), and
 * Windows-1252 when they are not, the only other encoding Excel writes.
 * A sample of plain ASCII says `utf-8`; `openCsv` then still watches the
 * rest of the file for Windows-1252.
 */
export function sniff(sample: Buffer, fileName: string): Sniffed {
  if (startsWith(sample, ZIP)) {
    throw new FileCheckError('spreadsheet', fileName,
      'is an Excel workbook (.xlsx) or another zip archive, not CSV; ' +
      "save it from Excel as 'CSV UTF-8' and upload that");
  }
  if (startsWith(sample, OLE)) {
    throw new FileCheckError('spreadsheet', fileName,
      "is an Excel 97-2003 workbook (.xls), not CSV; save it as 'CSV UTF-8'");
  }

  const { encoding, bomLength } = detectEncoding(sample, fileName);
  const text = decodeSample(sample.subarray(bomLength), encoding);
  if (text.trim() === '') {
    throw new FileCheckError('empty', fileName, 'is empty: it has no header row');
  }
  if (looksBinary(text)) {
    throw new FileCheckError('binary', fileName,
      'holds binary data, not CSV text');
  }

  return {
    encoding,
    bomLength,
    separator: detectSeparator(text),
    newline: text.includes('\n') || !text.includes('\r') ? '\n' : '\r',
  };
}

function detectEncoding(
  sample: Buffer,
  fileName: string,
): { encoding: Encoding; bomLength: number } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (startsWith(sample, [0xff, 0xfe])) {
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (startsWith(sample, [0xfe, 0xff])) {
    throw new FileCheckError('unreadable', fileName,
      "is UTF-16 big-endian, which is not supported; save it as 'CSV UTF-8'");
  }
  const utf8 = isUtf8(withoutPartialChar(sample));
  return { encoding: utf8 ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function decodeSample(bytes: Buffer, encoding: Encoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t') control++;
  }
  return control > text.length * 0.01;
}

/** Picks the separator that splits the header line most often. */
function detectSeparator(text: string): Separator {
  const header = firstLine(text);
  let best: Separator = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t'] as const) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if ((ch === '\n' || ch === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, separator: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) count++;
  }
  return count;
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buffer[i] === b);
}
