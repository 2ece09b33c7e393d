import { describe, expect, it } from 'vitest';
import { FileCheckError } from './errors.js';
import { sniff } from './sniff.js';

const text = (s: string) => Buffer.from(s, 'utf8');

/** The code of the refusal `sniff` throws for `bytes`. */
function refusalCode(bytes: Buffer): string {
  try {
    sniff(bytes, 'f.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(FileCheckError);
    return (error as FileCheckError).code;
  }
  throw new Error('the sample was accepted');
}

describe('sniff: encoding', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    expect(sniff(text('id,año\n1,Peña\n'), 'f.csv')).toEqual({
      encoding: 'utf-8', bomLength: 0, separator: ',', newline: '\n',
    });
  });

  it('skips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text('a;b\n')]);
    expect(sniff(bytes, 'f.csv')).toEqual({
      encoding: 'utf-8', bomLength: 3, separator: ';', newline: '\n',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const bytes = Buffer.from([0x61, 0xf1, 0x6f, 0x2c, 0x62, 0x0a]); // 'año,b'
    expect(sniff(bytes, 'f.csv').encoding).toBe('windows-1252');
  });

  it('does not mistake a UTF-8 character cut at the sample end for 1252', () => {
    const whole = text('id,periodo\n1,Período');
    const cut = whole.subarray(0, whole.indexOf(0xc3) + 1);
    expect(sniff(cut, 'f.csv').encoding).toBe('utf-8');
  });

  it('reads UTF-16LE with its byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\n', 'utf16le'),
    ]);
    expect(sniff(bytes, 'f.csv')).toEqual({
      encoding: 'utf-16le', bomLength: 2, separator: '\t', newline: '\n',
    });
  });

  it('refuses UTF-16 big-endian as unreadable', () => {
    expect(refusalCode(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toBe('unreadable');
  });
});

describe('sniff: separator', () => {
  it('picks the separator that splits the header most', () => {
    expect(sniff(text('a;b;c,d\n'), 'f.csv').separator).toBe(';');
    expect(sniff(text('a\tb\tc;d\n'), 'f.csv').separator).toBe('\t');
    expect(sniff(text('a,b,c;d\n'), 'f.csv').separator).toBe(',');
  });

  it('looks only at the header line', () => {
    expect(sniff(text('a;b\n1,2,3,4,5\n'), 'f.csv').separator).toBe(';');
  });

  it('does not count separators inside quotes', () => {
    expect(sniff(text('"a,b,c";d;e\n'), 'f.csv').separator).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(sniff(text('id\n1\n'), 'f.csv').separator).toBe(',');
  });
});

describe('sniff: refusals', () => {
  it('refuses an empty sample', () => {
    expect(refusalCode(Buffer.alloc(0))).toBe('empty');
  });

  it('refuses white space only, byte-order mark included', () => {
    expect(refusalCode(text(' \r\n\t '))).toBe('empty');
    expect(refusalCode(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))).toBe('empty');
  });

  it('refuses NUL bytes as binary', () => {
    expect(refusalCode(Buffer.from([0x61, 0x2c, 0x00, 0x62]))).toBe('binary');
  });

  it('refuses text with many control characters as binary', () => {
    expect(refusalCode(Buffer.from('a,b\x01\x02\x03\x04\n', 'latin1')))
      .toBe('binary');
  });

  it('refuses an .xlsx or other zip archive as a spreadsheet', () => {
    expect(refusalCode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])))
      .toBe('spreadsheet');
  });

  it('refuses an old .xls workbook as a spreadsheet', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(refusalCode(Buffer.from(ole))).toBe('spreadsheet');
  });

  it('puts the file name first in the message', () => {
    expect(() => sniff(Buffer.alloc(0), 'datos.csv')).toThrow(
      'datos.csv: is empty: it has no header row');
  });
});

describe('line ends', () => {
  it('reads lone carriage returns (old Mac files) as line ends', () => {
    expect(sniff(Buffer.from('id;programa\r1;P\r'), 'f.csv').newline).toBe('\r');
  });

  it('keeps line feeds for CRLF and LF files', () => {
    expect(sniff(Buffer.from('a,b\r\n1,2\r\n'), 'f.csv').newline).toBe('\n');
    expect(sniff(Buffer.from('a,b\n1,2\n'), 'f.csv').newline).toBe('\n');
  });
});
