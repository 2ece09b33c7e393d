import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue-loader.js';
import { CatalogueFormatError } from './errors.js';

async function* chunks(...parts: (string | Buffer)[]) {
  for (const part of parts) yield part;
}

function code(n: number): string {
  return `01DJN${String(n).padStart(4, '0')}D`;
}

describe('loadCatalogue', () => {
  it('indexes every valid line and looks codes up by clave', async () => {
    const { index, stats } = await loadCatalogue(chunks(
      'id,clave\n3,15EPR0420K\n1,01DJN0002D\n2,32ZZZ9999Z\n',
    ));
    expect(index.size).toBe(3);
    expect(index.get('01DJN0002D')).toBe(1);
    expect(index.get('32ZZZ9999Z')).toBe(2);
    expect(index.get('15EPR0420K')).toBe(3);
    expect(index.get('15EPR0420L')).toBeUndefined();
    expect(index.byteSize).toBe(3 * 8 + 3 * 4);
    expect(stats).toMatchObject({
      file: undefined, lines: 3, entries: 3, badLines: 0, badLineSamples: [],
    });
  });

  it('indexes a catalogue already sorted by clave', async () => {
    const { index } = await loadCatalogue(chunks(
      'id,clave\n9,01AAA0000A\n8,01DJN0002D\n7,32ZZZ9999Z\n',
    ));
    expect([index.get('01AAA0000A'), index.get('01DJN0002D'),
      index.get('32ZZZ9999Z')]).toEqual([9, 8, 7]);
  });

  it('tolerates a byte-order mark, CRLF, an upper-case header and quotes',
    async () => {
      const { index, stats } = await loadCatalogue(Readable.from([
        Buffer.from(
          '\uFEFF"ID","Clave"\r\n7,"01djn0002d"\r\n"8", 02ABC1234Z\r\n'),
      ]));
      expect(index.get('01DJN0002D')).toBe(7);
      expect(index.get('02ABC1234Z')).toBe(8);
      expect(stats.lines).toBe(2);
      expect(stats.badLines).toBe(0);
    });

  it('keeps a multi-byte character split across chunks whole', async () => {
    const bytes = Buffer.from('id,clave\n1,01DÑN0002D\n2,01DJN0002D\n');
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of Ñ
    const { stats } = await loadCatalogue(chunks(
      bytes.subarray(0, cut), bytes.subarray(cut),
    ));
    expect(stats.badLineSamples).toEqual([{
      line: 2,
      kind: 'clave',
      reason: 'clave "01DÑN0002D" characters 3 to 5 must be upper-case ' +
        'letters for the kind of school, found "DÑN"',
    }]);
    expect(stats.entries).toBe(1);
  });

  it('reads a last line that has no line break', async () => {
    const { index } = await loadCatalogue(chunks('id,clave\n5,01DJ', 'N0002D'));
    expect(index.get('01DJN0002D')).toBe(5);
  });

  it('counts and skips bad lines with their line numbers', async () => {
    const { index, stats } = await loadCatalogue(chunks([
      'id,clave',
      '1,01DJN0002D', // line 2
      'x,01DJN0003D', // 3: id not a number
      '',             // 4: blank, ignored
      '0,01DJN0004D', // 5: id not positive
      '2.5,01DJN0005D', // 6: id not whole
      '3,01DJN002D',  // 7: clave too short
      '4,00DJN0002D', // 8: state 00
      '5,01DJN0002D', // 9: repeats line 2
      '6,01DJN0006D,extra', // 10: three fields
      '7', // 11: one field
      '8,33DJN0002D', // 12: state 33
      '9,02ABC0001A', // 13
    ].join('\r\n')));
    expect(index.size).toBe(2);
    expect(index.get('01DJN0002D')).toBe(1);
    expect(index.get('02ABC0001A')).toBe(9);
    expect(stats.lines).toBe(11);
    expect(stats.entries).toBe(2);
    expect(stats.badLines).toBe(9);
    expect(stats.badLinesByKind).toEqual(
      { fields: 2, id: 3, clave: 3, duplicate: 1 });
    expect(stats.badLineSamples).toEqual([
      { line: 3, kind: 'id', reason: 'id "x" is not a positive whole number' },
      { line: 5, kind: 'id', reason: 'id "0" is not a positive whole number' },
      { line: 6, kind: 'id',
        reason: 'id "2.5" is not a positive whole number' },
      { line: 7, kind: 'clave', reason:
        'clave "01DJN002D" has 9 characters; a CCT has 10, e.g. 01DJN0002D' },
      { line: 8, kind: 'clave', reason:
        'clave "00DJN0002D" state 00 does not exist; it must be 01 to 32' },
      { line: 9, kind: 'duplicate',
        reason: 'clave 01DJN0002D repeats line 2, whose id 1 is kept' },
      { line: 10, kind: 'fields',
        reason: 'expected 2 fields (id,clave), found 3' },
      { line: 11, kind: 'fields',
        reason: 'expected 2 fields (id,clave), found 1' },
      { line: 12, kind: 'clave', reason:
        'clave "33DJN0002D" state 33 does not exist; it must be 01 to 32' },
    ]);
  });

  it('keeps the first clave of duplicates, even when spelt differently',
    async () => {
      const { index, stats } = await loadCatalogue(chunks(
        'id,clave\n10,02ABC0001A\n11,01djn0002d\n12,01DJN0002D\n' +
        '13,02ABC0001A\n14,01 DJN 0002 D\n',
      ));
      expect(index.size).toBe(2);
      expect(index.get('01DJN0002D')).toBe(11);
      expect(index.get('02ABC0001A')).toBe(10);
      expect(stats.badLinesByKind.duplicate).toBe(3);
      expect(stats.badLineSamples.map((bad) => bad.reason)).toEqual([
        'clave 01DJN0002D repeats line 3, whose id 11 is kept',
        'clave 02ABC0001A repeats line 2, whose id 10 is kept',
        'clave 01DJN0002D repeats line 3, whose id 11 is kept',
      ]);
      expect(stats.badLineSamples.map((bad) => bad.line)).toEqual([4, 5, 6]);
    });

  it('keeps only the first 20 bad lines as samples, in file order',
    async () => {
      const lines = ['id,clave'];
      for (let n = 1; n <= 30; n += 1) lines.push(`${n},${code(n)}`);
      for (let n = 1; n <= 30; n += 1) lines.push(`${100 + n},${code(n)}`);
      lines.splice(5, 0, 'bad,01DJN9999D'); // line 6
      const { index, stats } = await loadCatalogue(chunks(lines.join('\n')));
      expect(index.size).toBe(30);
      expect(stats.badLines).toBe(31);
      expect(stats.badLineSamples).toHaveLength(20);
      expect(stats.badLineSamples.map((bad) => bad.line)).toEqual(
        [6, ...Array.from({ length: 19 }, (_, i) => 33 + i)]);
    });

  it('honours a different sample count', async () => {
    const { stats } = await loadCatalogue(
      chunks('id,clave\nx,01DJN0002D\ny,01DJN0002D\nz,01DJN0002D\n'),
      { maxSamples: 2 },
    );
    expect(stats.badLines).toBe(3);
    expect(stats.badLineSamples.map((bad) => bad.line)).toEqual([2, 3]);
  });

  it('samples the earliest duplicates though they are found by key',
    async () => {
      const lines = ['id,clave'];
      for (let n = 1; n <= 100; n += 1) lines.push(`${n},${code(n)}`);
      for (let n = 100; n >= 1; n -= 1) lines.push(`${200 + n},${code(n)}`);
      const { stats } = await loadCatalogue(chunks(lines.join('\n')),
        { maxSamples: 3 });
      expect(stats.badLines).toBe(100);
      expect(stats.badLineSamples).toEqual([
        { line: 102, kind: 'duplicate',
          reason: 'clave 01DJN0100D repeats line 101, whose id 100 is kept' },
        { line: 103, kind: 'duplicate',
          reason: 'clave 01DJN0099D repeats line 100, whose id 99 is kept' },
        { line: 104, kind: 'duplicate',
          reason: 'clave 01DJN0098D repeats line 99, whose id 98 is kept' },
      ]);
    });

  it('widens the id array only when an id exceeds 32 bits', async () => {
    const small = await loadCatalogue(chunks('id,clave\n4294967295,01DJN0002D'));
    const large = await loadCatalogue(chunks('id,clave\n4294967296,01DJN0002D'));
    expect(small.index.byteSize).toBe(12);
    expect(large.index.byteSize).toBe(16);
    expect(large.index.get('01DJN0002D')).toBe(4_294_967_296);
  });

  it('grows past its initial capacity', async () => {
    const lines = ['id,clave'];
    for (let n = 9999; n >= 0; n -= 1) lines.push(`${n + 1},${code(n)}`);
    const { index } = await loadCatalogue(chunks(lines.join('\n')), {
      expectedEntries: 3,
    });
    expect(index.size).toBe(10_000);
    expect(index.get(code(0))).toBe(1);
    expect(index.get(code(9999))).toBe(10_000);
  });
});

describe('loadCatalogue header', () => {
  async function headerError(text: string | Buffer, file?: string) {
    const error = await loadCatalogue(chunks(text), { file }).then(
      () => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogueFormatError);
    return error as CatalogueFormatError;
  }

  it('names what it expected and what it found', async () => {
    const error = await headerError('id;clave\n1;01DJN0002D\n', 'ccts.csv');
    expect(error.message).toBe(
      'CCT catalogue ccts.csv line 1: expected the header "id,clave", ' +
      'found "id;clave"');
    expect(error).toMatchObject({
      file: 'ccts.csv', line: 1,
      expected: 'the header "id,clave"', found: '"id;clave"',
    });
  });

  it('rejects extra or reordered columns', async () => {
    expect((await headerError('id,clave,nombre\n')).found)
      .toBe('"id,clave,nombre"');
    expect((await headerError('clave,id\n')).found).toBe('"clave,id"');
  });

  it('rejects an empty file and an empty first line', async () => {
    expect((await headerError('')).found).toBe('an empty file');
    expect((await headerError('\nid,clave\n')).found).toBe('an empty line');
  });

  it('shortens a long first line', async () => {
    expect((await headerError(`${'x'.repeat(50)}\n`)).found)
      .toBe(`"${'x'.repeat(40)}…"`);
  });

  it('rejects UTF-16 text', async () => {
    const error = await headerError(Buffer.from([0xff, 0xfe, 0x69, 0x00]));
    expect(error.message).toBe(
      'CCT catalogue line 1: expected UTF-8 text (save the catalogue as ' +
      '"CSV UTF-8"), found UTF-16 text (byte-order mark FF FE)');
  });

  it('stops at a line too long to be a catalogue line', async () => {
    const error = await headerError(`id,clave\n${'1'.repeat(70_000)}`);
    expect(error.line).toBe(2);
    expect(error.expected).toBe('lines of at most 65536 characters');
  });
});
