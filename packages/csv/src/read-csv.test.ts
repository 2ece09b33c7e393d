import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileCheckError } from './errors.js';
import { openCsv, type CsvRecord, type OpenCsvOptions } from './read-csv.js';

const HEADER = 'id,programa,implementacion,ciclo_escolar,periodo_de_implementacion';
const COLUMNS = HEADER.split(',');

/** Opens `bytes` (one chunk or several) and reads every record. */
async function load(
  bytes: Buffer | Buffer[],
  options: Partial<OpenCsvOptions> = {},
) {
  const chunks = Array.isArray(bytes) ? bytes : [bytes];
  const file = await openCsv(Readable.from(chunks), {
    fileName: 'f.csv',
    ...options,
  });
  const records: CsvRecord[] = [];
  for await (const record of file.records) records.push(record);
  return { ...file, records };
}

/** The refusal of `bytes`: its code and message. */
async function refusal(bytes: Buffer | Buffer[]) {
  try {
    await load(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileCheckError);
    const e = error as FileCheckError;
    return { code: e.code, message: e.message };
  }
  throw new Error('the file was accepted');
}

/** Splits `bytes` into chunks of `size` bytes, as a slow stream would. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    out.push(bytes.subarray(i, i + size));
  }
  return out;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('openCsv: encodings', () => {
  it('reads UTF-8 without a byte-order mark', async () => {
    const file = await load(utf8(`${HEADER},Año\nP-1,a,b,c,d,Señor\n`));
    expect(file.encoding).toBe('utf-8');
    expect(file.bomLength).toBe(0);
    expect(file.columns).toEqual([...COLUMNS, 'ano']);
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd', 'Señor'] },
    ]);
  });

  it('reads UTF-8 with a byte-order mark, not part of the header', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const file = await load(Buffer.concat([bom, utf8(`${HEADER}\nP-1,a,b,c,d\n`)]));
    expect(file.encoding).toBe('utf-8');
    expect(file.bomLength).toBe(3);
    expect(file.columns[0]).toBe('id');
    expect(file.records).toEqual([{ row: 2, cells: ['P-1', 'a', 'b', 'c', 'd'] }]);
  });

  it('reads Windows-1252 with accented headers and cells', async () => {
    // 'Período de implementación' and 'Peña' as Excel writes them in 1252.
    const periodo = Buffer.from([
      0x50, 0x65, 0x72, 0xed, 0x6f, 0x64, 0x6f, 0x20, 0x64, 0x65, 0x20,
      0x69, 0x6d, 0x70, 0x6c, 0x65, 0x6d, 0x65, 0x6e, 0x74, 0x61, 0x63,
      0x69, 0xf3, 0x6e,
    ]);
    const pena = Buffer.from([0x50, 0x65, 0xf1, 0x61]);
    const bytes = Buffer.concat([
      utf8('ID;Programa;Implementación;Ciclo escolar;'.replace('ó', 'o')),
      periodo, utf8(';Nombre\r\nP-1;a;b;c;d;'), pena, utf8('\r\n'),
    ]);
    const file = await load(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.separator).toBe(';');
    expect(file.columns).toEqual([...COLUMNS, 'nombre']);
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd', 'Peña'] },
    ]);
  });

  it('reads Windows-1252 punctuation: euro sign, curly quotes, dashes', async () => {
    const bytes = Buffer.concat([
      utf8(`${HEADER},nota\r\nP-1,a,b,c,d,`),
      // “Año” – 5€ as Excel writes it in 1252.
      Buffer.from([0x93, 0x41, 0xf1, 0x6f, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]),
      utf8('\r\n'),
    ]);
    const file = await load(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.records[0]!.cells[5]).toBe('“Año” – 5€');
  });

  it('reads UTF-16LE with a byte-order mark, even split at odd bytes', async () => {
    const text = `${HEADER},Año\r\nP-1,a,b,c,d,Peña\r\n`;
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'),
    ]);
    for (const size of [bytes.length, 7, 3]) {
      const file = await load(chunked(bytes, size));
      expect(file.encoding).toBe('utf-16le');
      expect(file.bomLength).toBe(2);
      expect(file.columns).toEqual([...COLUMNS, 'ano']);
      expect(file.records).toEqual([
        { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd', 'Peña'] },
      ]);
    }
  });

  it('reads UTF-8 characters split across chunks', async () => {
    const bytes = utf8(`${HEADER},Año\nP-1,a,b,c,d,Ñandú çà ü\n`);
    for (const size of [1, 2, 5]) {
      const file = await load(chunked(bytes, size), { sampleBytes: 16 });
      expect(file.records[0]!.cells[5], `size ${size}`).toBe('Ñandú çà ü');
    }
  });
});

describe('openCsv: Windows-1252 after a long ASCII start', () => {
  /** 64 KiB and more of ASCII rows, then one row with 1252 accents. */
  function lateAccents(lastRow: Buffer) {
    const line = 'P-0,Lectura,L-A,2024-2025,Otono,Ana\n';
    const rows = Math.ceil((70 * 1024) / line.length);
    const ascii = utf8(`${HEADER},nombre\n${line.repeat(rows)}`);
    return { bytes: Buffer.concat([ascii, lastRow]), lastRowNumber: rows + 2 };
  }

  it('decodes the later 1252 bytes instead of garbling them', async () => {
    // 'Período' with í as 0xED, 'Peña’' with ñ as 0xF1 and ’ as 0x92.
    const last = Buffer.concat([
      utf8('P-9,Lectura,L-A,2024-2025,Per'), Buffer.from([0xed]),
      utf8('odo,Pe'), Buffer.from([0xf1]), utf8('a'), Buffer.from([0x92]),
      utf8('\n'),
    ]);
    const { bytes, lastRowNumber } = lateAccents(last);
    // Chunks as a file stream gives them: the 64 KiB sample is all ASCII.
    for (const size of [64 * 1024, 4096, 1000]) {
      const file = await load(chunked(bytes, size));
      expect(file.records.at(-1), `size ${size}`).toEqual({
        row: lastRowNumber,
        cells: ['P-9', 'Lectura', 'L-A', '2024-2025', 'Período', 'Peña’'],
      });
    }
  });

  it('keeps later UTF-8 as UTF-8, even split mid-character', async () => {
    const last = utf8('P-9,Lectura,L-A,2024-2025,Período,Peña\n');
    const { bytes, lastRowNumber } = lateAccents(last);
    const at = bytes.indexOf(0xc3); // first byte of í
    const file = await load([bytes.subarray(0, at + 1), bytes.subarray(at + 1)]);
    expect(file.records.at(-1)).toEqual({
      row: lastRowNumber,
      cells: ['P-9', 'Lectura', 'L-A', '2024-2025', 'Período', 'Peña'],
    });
  });
});

describe('openCsv: separators and quoting', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ])('detects the %j separator (%s)', async (separator) => {
    const text = `${COLUMNS.join(separator)}\nP-1${separator}a${separator}b` +
      `${separator}c${separator}d\n`;
    const file = await load(utf8(text));
    expect(file.separator).toBe(separator);
    expect(file.records).toEqual([{ row: 2, cells: ['P-1', 'a', 'b', 'c', 'd'] }]);
  });

  it('reads CRLF line ends without a trailing carriage return', async () => {
    const file = await load(utf8(`${HEADER}\r\nP-1,a,b,c,d\r\nP-2,a,b,c,d\r\n`));
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd'] },
      { row: 3, cells: ['P-2', 'a', 'b', 'c', 'd'] },
    ]);
  });

  it('keeps a quoted separator, line break and doubled quote in one cell', async () => {
    const text = `${HEADER}\r\n` +
      'P-1,"Lectura, escritura","L-A\r\nsegunda línea",c,"dice ""sí"""\r\n' +
      'P-2,a,b,c,d\r\n';
    const file = await load(utf8(text));
    expect(file.records).toEqual([
      {
        row: 2,
        cells: ['P-1', 'Lectura, escritura', 'L-A\r\nsegunda línea', 'c',
          'dice "sí"'],
      },
      { row: 3, cells: ['P-2', 'a', 'b', 'c', 'd'] },
    ]);
  });

  it('picks the separator outside quotes in the header', async () => {
    const text = `"Id, externo";programa;implementacion;ciclo_escolar;` +
      'periodo_de_implementacion;id\nx;a;b;c;d;P-1\n';
    const file = await load(utf8(text));
    expect(file.separator).toBe(';');
    expect(file.columns[0]).toBe('id_externo');
  });

  it('reads the last record without a final line break', async () => {
    const file = await load(utf8(`${HEADER}\nP-1,a,b,c,d`));
    expect(file.records).toEqual([{ row: 2, cells: ['P-1', 'a', 'b', 'c', 'd'] }]);
  });
});

describe('openCsv: headers', () => {
  it('normalises capitals, accents and parentheses', async () => {
    const text = ' ID ,Programa,IMPLEMENTACIÓN,Ciclo Escolar,' +
      'Período de implementación,Participa director(a),Edad\nP-1,a,b,c,d,1,30\n';
    const file = await load(utf8(text));
    expect(file.columns).toEqual([...COLUMNS, 'participa_director_a', 'edad']);
  });

  it('keeps an empty header as an unnamed column', async () => {
    const file = await load(utf8(`${HEADER},\nP-1,a,b,c,d,nota\n`));
    expect(file.columns).toEqual([...COLUMNS, '']);
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd', 'nota'] },
    ]);
  });
});

describe('openCsv: rows', () => {
  it('skips blank lines but counts them, as the spreadsheet does', async () => {
    const text = `${HEADER}\n\nP-1,a,b,c,d\n,,,,\n\r\nP-2,a,b,c,d\n\n`;
    const file = await load(utf8(text));
    expect(file.records).toEqual([
      { row: 3, cells: ['P-1', 'a', 'b', 'c', 'd'] },
      { row: 6, cells: ['P-2', 'a', 'b', 'c', 'd'] },
    ]);
  });

  it('counts blank lines above the header too', async () => {
    const file = await load(utf8(`\n\n${HEADER}\nP-1,a,b,c,d\n`));
    expect(file.columns).toEqual(COLUMNS);
    expect(file.records).toEqual([{ row: 4, cells: ['P-1', 'a', 'b', 'c', 'd'] }]);
  });

  it('counts a quoted multi-line record as one row', async () => {
    const text = `${HEADER}\nP-1,"uno\ndos\ntres",b,c,d\nP-2,a,b,c,d\n`;
    const file = await load(utf8(text));
    expect(file.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('flags a record with too few or too many fields', async () => {
    const text = `${HEADER}\nP-1,a,b,c\nP-2,a,b,c,d,e\nP-3,a,b,c,d,,x\n`;
    const file = await load(utf8(text));
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c'],
        fieldCount: { expected: 5, found: 4 } },
      { row: 3, cells: ['P-2', 'a', 'b', 'c', 'd', 'e'],
        fieldCount: { expected: 5, found: 6 } },
      { row: 4, cells: ['P-3', 'a', 'b', 'c', 'd', '', 'x'],
        fieldCount: { expected: 5, found: 7 } },
    ]);
  });

  it('tolerates extra empty cells at the end, and drops them', async () => {
    const text = `${HEADER}\nP-1,a,b,c,d,,\nP-2,a,b,c,d, \n`;
    const file = await load(utf8(text));
    expect(file.records).toEqual([
      { row: 2, cells: ['P-1', 'a', 'b', 'c', 'd'] },
      { row: 3, cells: ['P-2', 'a', 'b', 'c', 'd'] },
    ]);
  });

  it('reads the same records however the bytes are chunked', async () => {
    const text = `${HEADER}\r\n"P-1","a,b","x\r\ny",c,"d"""\r\n\r\nP-2,a,b,c,d\r\n`;
    const whole = await load(utf8(text));
    for (const size of [1, 2, 3, 5, 8]) {
      const parts = await load(chunked(utf8(text), size), { sampleBytes: 4 });
      expect(parts.records, `size ${size}`).toEqual(whole.records);
    }
    expect(whole.records).toEqual([
      { row: 2, cells: ['P-1', 'a,b', 'x\r\ny', 'c', 'd"'] },
      { row: 4, cells: ['P-2', 'a', 'b', 'c', 'd'] },
    ]);
  });

  it('gives a header-only file zero records, not an error', async () => {
    const file = await load(utf8(`${HEADER}\r\n`));
    expect(file.columns).toEqual(COLUMNS);
    expect(file.records).toEqual([]);
  });
});

describe('openCsv: refusals', () => {
  it('refuses an empty file', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({
      code: 'empty', message: 'f.csv: is empty: it has no header row',
    });
  });

  it('refuses a file of only white space', async () => {
    expect(await refusal(utf8('  \r\n\t\n  \n'))).toEqual({
      code: 'empty', message: 'f.csv: is empty: it has no header row',
    });
  });

  it('refuses a file whose only line is separators', async () => {
    expect(await refusal(utf8(',,,\n,,,\n'))).toEqual({
      code: 'empty', message: 'f.csv: is empty: it has no header row',
    });
  });

  it('refuses missing required columns, naming them', async () => {
    expect(await refusal(utf8('ID,Programa,Edad\nP-1,a,30\n'))).toEqual({
      code: 'missing-columns',
      message: 'f.csv: is missing required columns: implementacion, ' +
        'ciclo_escolar, periodo_de_implementacion',
    });
    expect(await refusal(utf8('id,programa,implementacion,ciclo_escolar\n')))
      .toEqual({
        code: 'missing-columns',
        message: 'f.csv: is missing required column: periodo_de_implementacion',
      });
  });

  it('refuses columns that read the same once normalised, naming both', async () => {
    expect(await refusal(utf8(`${HEADER},Edad,EDAD \nP-1,a,b,c,d,1,2\n`)))
      .toEqual({
        code: 'duplicate-columns',
        message: "f.csv: has duplicate columns: 'Edad' (column 6) and " +
          "'EDAD' (column 7) both read as 'edad'",
      });
    expect(await refusal(utf8(`${HEADER},Año,ano\n`))).toEqual({
      code: 'duplicate-columns',
      message: "f.csv: has duplicate columns: 'Año' (column 6) and " +
        "'ano' (column 7) both read as 'ano'",
    });
  });

  it('refuses binary content', async () => {
    const bytes = Buffer.concat([utf8(HEADER), Buffer.from([0, 1, 2, 0, 0xff])]);
    expect(await refusal(bytes)).toEqual({
      code: 'binary', message: 'f.csv: holds binary data, not CSV text',
    });
  });

  it('refuses an .xlsx workbook (a zip archive)', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const { code, message } = await refusal(bytes);
    expect(code).toBe('spreadsheet');
    expect(message).toMatch(/^f\.csv: is an Excel workbook \(\.xlsx\)/);
  });

  it('refuses an old .xls workbook', async () => {
    const bytes = Buffer.from([
      0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00,
    ]);
    const { code, message } = await refusal(bytes);
    expect(code).toBe('spreadsheet');
    expect(message).toMatch(/^f\.csv: is an Excel 97-2003 workbook \(\.xls\)/);
  });

  it('refuses UTF-16 big-endian', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xfe, 0xff]), Buffer.from(HEADER, 'utf16le').swap16(),
    ]);
    expect((await refusal(bytes)).code).toBe('unreadable');
  });

  it('refuses a record longer than the limit, saying after which row', async () => {
    const text = `${HEADER}\nP-1,a,b,c,d\nP-2,${'x'.repeat(5000)},b,c,d\n`;
    const bytes = chunked(utf8(text), 256);
    await expect(load(bytes, { maxRecordBytes: 1000 })).rejects.toThrow(
      new FileCheckError('unreadable', 'f.csv',
        'could not be read after row 2: Row exceeds the maximum size'));
  });

  it('passes an error of the source through, so the load can be retried', async () => {
    const lost = new Error('connection reset');
    async function* failing(after: number) {
      yield utf8(`${HEADER}\nP-1,a,b,c,d\n`);
      for (let i = 0; i < after; i++) yield utf8('P-2,a,b,c,d\n'.repeat(100));
      throw lost;
    }
    for (const after of [0, 1, 200]) {
      const read = async () => {
        const file = await openCsv(Readable.from(failing(after)), {
          fileName: 'f.csv', sampleBytes: 64,
        });
        for await (const _record of file.records) { /* drain */ }
      };
      await expect(read(), `after ${after}`).rejects.toBe(lost);
    }
  });

  it('refuses a header longer than the limit as unreadable', async () => {
    const text = `${HEADER},${'x'.repeat(5000)}\nP-1,a,b,c,d,e\n`;
    await expect(load(utf8(text), { maxRecordBytes: 1000 })).rejects.toThrow(
      new FileCheckError('unreadable', 'f.csv',
        'could not be read: Row exceeds the maximum size'));
  });
});
