import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { withoutPartialChar } from './partial-char.js';
import { decodeWindows1252 } from './windows-1252.js';

/**
 * Re-encodes a file whose first bytes were all ASCII, and so could be
 * either UTF-8 or Windows-1252. Bytes pass through unchanged until the
 * first chunk holding a non-ASCII byte; if that chunk is valid UTF-8 from
 * there on, the whole file is read as UTF-8, and otherwise it and the rest
 * of the file are decoded as Windows-1252 (ASCII reads the same in both).
 * The output is UTF-8. `decidedAs` tells which was chosen, once known.
 */
export class Utf8OrWindows1252 extends Transform {
  /** `undefined` while every byte so far was ASCII. */
  decidedAs: 'utf-8' | 'windows-1252' | undefined;
  private carry: Buffer = Buffer.alloc(0);

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    if (this.decidedAs === 'utf-8') return done(null, chunk);
    if (this.decidedAs === 'windows-1252') return done(null, this.from1252(chunk));

    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    const first = data.findIndex((byte) => byte >= 0x80);
    if (first < 0) return done(null, data);

    const rest = data.subarray(first);
    const whole = withoutPartialChar(rest);
    if (whole.length === 0) {
      // Only the start of one character arrived; wait for the rest.
      this.carry = Buffer.from(rest);
      return done(null, data.subarray(0, first));
    }
    if (isUtf8(whole)) {
      this.decidedAs = 'utf-8';
      return done(null, data);
    }
    this.decidedAs = 'windows-1252';
    done(null, Buffer.concat([data.subarray(0, first), this.from1252(rest)]));
  }

  override _flush(done: (error?: Error | null, data?: Buffer) => void): void {
    // A character cut off by the end of the file is not UTF-8.
    if (this.carry.length) {
      this.decidedAs = 'windows-1252';
      return done(null, this.from1252(this.carry));
    }
    done();
  }

  private from1252(bytes: Uint8Array): Buffer {
    return Buffer.from(decodeWindows1252(bytes), 'utf8');
  }
}
