import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { encodeText } from './textEncoding.js';
import type { CsvEncoding } from './types.js';

function* encoded(chunks: Iterable<string>, encoding: CsvEncoding) {
  for (const chunk of chunks) yield encodeText(chunk, encoding);
}

/**
 * Writes text chunks to a file as they are produced. The chunk source is
 * pulled only when the file stream drains, so memory stays flat whatever
 * the file size. Resolves with the bytes written.
 */
export async function writeChunks(
  path: string,
  chunks: Iterable<string>,
  encoding: CsvEncoding,
): Promise<number> {
  const file = createWriteStream(path);
  await pipeline(Readable.from(encoded(chunks, encoding)), file);
  return file.bytesWritten;
}
