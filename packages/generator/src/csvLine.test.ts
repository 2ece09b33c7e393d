import { describe, expect, it } from 'vitest';
import { csvLineWriter } from './csvLine.js';
import { parseCsv } from './testing/parseCsv.js';

describe('csvLineWriter', () => {
  it('leaves plain fields alone', () => {
    expect(csvLineWriter({}).line(['1', 'Sí', 'NA'])).toBe('1,Sí,NA\n');
  });

  it('quotes a field holding the separator, a quote or a line break', () => {
    const line = csvLineWriter({}).line(['a,b', 'say "hi"', 'two\nlines']);
    expect(line).toBe('"a,b","say ""hi""","two\nlines"\n');
  });

  it('quotes only for the separator in use', () => {
    const line = csvLineWriter({ separator: ';', crlf: true })
      .line(['a,b', 'c;d']);
    expect(line).toBe('a,b;"c;d"\r\n');
  });

  it('round-trips a field with a comma and a line break through csv-parser',
    async () => {
      const writer = csvLineWriter({});
      const detail = 'Docente de 1°, 2° y 3°\nGrupo "B"';
      const text = writer.line(['ID', 'Puesto detalle']) +
        writer.line(['100001', detail]);

      const records = await parseCsv(text);

      expect(records).toEqual([{ ID: '100001', 'Puesto detalle': detail }]);
    });
});
