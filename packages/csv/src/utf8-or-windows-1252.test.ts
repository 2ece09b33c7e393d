import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { Utf8OrWindows1252 } from './utf8-or-windows-1252.js';

/** Runs `chunks` through a fresh decoder: its UTF-8 text and verdict. */
async function decode(chunks: Buffer[]) {
  const decoder = new Utf8OrWindows1252();
  const out = await text(Readable.from(chunks).pipe(decoder));
  return { out, decidedAs: decoder.decidedAs };
}

const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('Utf8OrWindows1252', () => {
  it('passes plain ASCII through undecided', async () => {
    expect(await decode([ascii('id,nombre\n'), ascii('1,Ana\n')])).toEqual({
      out: 'id,nombre\n1,Ana\n', decidedAs: undefined,
    });
  });

  it('keeps valid UTF-8 after an ASCII start', async () => {
    const chunks = [ascii('id\n'), Buffer.from('Peña,Período\n', 'utf8')];
    expect(await decode(chunks)).toEqual({
      out: 'id\nPeña,Período\n', decidedAs: 'utf-8',
    });
  });

  it('decodes Windows-1252 from the first non-UTF-8 byte on', async () => {
    // 'Peña' then '€5' in later chunks, 1252 bytes.
    const chunks = [
      ascii('id\n'), Buffer.from([0x50, 0x65, 0xf1, 0x61, 0x0a]),
      Buffer.from([0x80, 0x35, 0x0a]),
    ];
    expect(await decode(chunks)).toEqual({
      out: 'id\nPeña\n€5\n', decidedAs: 'windows-1252',
    });
  });

  it('waits for the rest of a UTF-8 character split between chunks', async () => {
    const bytes = Buffer.from('id\nPeña\n', 'utf8');
    const at = bytes.indexOf(0xc3) + 1;
    expect(await decode([bytes.subarray(0, at), bytes.subarray(at)])).toEqual({
      out: 'id\nPeña\n', decidedAs: 'utf-8',
    });
  });

  it('reads a lead byte left at the end of the file as 1252', async () => {
    expect(await decode([ascii('id\n'), Buffer.from([0x41, 0xc3])])).toEqual({
      out: 'id\nAÃ', decidedAs: 'windows-1252',
    });
  });
});
