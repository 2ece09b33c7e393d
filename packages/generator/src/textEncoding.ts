import { GeneratorEncodingError } from './errors.js';
import type { CsvEncoding } from './types.js';

// Windows-1252 and Latin-1 agree on every character the generator writes;
// they differ only in 0x80–0x9F, which generated text never holds.
const BEYOND_LATIN1 = /[^\u0000-\u007f\u00a0-\u00ff]/;

/** Bytes a text takes in the given encoding. */
export function textByteLength(text: string, encoding: CsvEncoding): number {
  return encoding === 'utf-8' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/**
 * Encodes text for a file. Windows-1252 output refuses characters outside
 * the range it shares with Latin-1 instead of writing a wrong byte.
 */
export function encodeText(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');

  const beyond = BEYOND_LATIN1.exec(text);
  if (beyond !== null) {
    throw new GeneratorEncodingError(encoding, beyond[0].codePointAt(0) ?? 0);
  }
  return Buffer.from(text, 'latin1');
}
