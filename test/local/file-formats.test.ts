import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../support/csv-text.js';
import { completed, openLocal, type LocalPipeline } from '../support/local.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let pipeline: LocalPipeline;

beforeEach(async () => {
  dir = tempDir();
  pipeline = await openLocal(dir.path, { catalogue: CATALOGUE });
});
afterEach(async () => {
  await pipeline.close();
  dir.remove();
});

const HEADER = ['ID', 'Nombre', 'Primer apellido', 'Programa', 'Implementación', 'Ciclo escolar', 'Período de implementación', 'Participa director(a)'];
const ROWS = [
  ['P-1', 'José', 'Núñez', 'Lectura', 'Grupo A', '2024-2025', 'Otoño 2024', 'Sí'],
  ['P-2', 'María', 'Peña', 'Lectura', 'Grupo A', '2024-2025', 'Otoño 2024', 'No'],
];

function text(separator: string, eol: string): string {
  return [HEADER, ...ROWS].map((r) => r.join(separator)).join(eol) + eol;
}

async function namesAfterLoading(content: string | Buffer) {
  const result = completed(await pipeline.load('file.csv', content));
  const people = await pipeline.store.list('participantes');
  return {
    rows: result.detail.rows,
    people: people.map((p) => [p.fields.nombre, p.fields.primer_apellido]),
    director: (await pipeline.store.list('participaciones')).map((p) => p.fields.participa_director),
  };
}

const EXPECTED = {
  rows: { read: 2, loaded: 2, failed: 0, warnings: 0 },
  people: [['José', 'Núñez'], ['María', 'Peña']],
  director: [true, false],
};

describe('files as Excel writes them load the same', () => {
  it('loads UTF-8 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(',', '\n'))]);
    expect(await namesAfterLoading(bytes)).toEqual(EXPECTED);
  });

  it('loads Windows-1252 with accented headers', async () => {
    const bytes = Buffer.from(text(',', '\r\n'), 'latin1');
    expect(bytes.includes(Buffer.from([0xed]))).toBe(true);
    expect(await namesAfterLoading(bytes)).toEqual(EXPECTED);
  });

  it('loads semicolon-separated files with CRLF line ends', async () => {
    expect(await namesAfterLoading(text(';', '\r\n'))).toEqual(EXPECTED);
  });

  it('loads tab-separated files', async () => {
    expect(await namesAfterLoading(text('\t', '\n'))).toEqual(EXPECTED);
  });

  it('keeps quoted separators and line breaks inside a field', async () => {
    const content =
      HEADER.join(',') + '\r\n' +
      'P-1,"Ana, María","Línea 1\r\nLínea 2",Lectura,Grupo A,2024-2025,Otoño 2024,1\r\n' +
      'P-2,Luis,"Dice ""hola""",Lectura,Grupo A,2024-2025,Otoño 2024,0\r\n';

    const loaded = await namesAfterLoading(content);

    expect(loaded.rows).toEqual(EXPECTED.rows);
    expect(loaded.people).toEqual([['Ana, María', 'Línea 1\r\nLínea 2'], ['Luis', 'Dice "hola"']]);
  });
});

describe('files that cannot be loaded are refused whole', () => {
  const refused = async (content: string | Buffer) => {
    const result = await pipeline.load('bad.csv', content);
    expect(result.status).toBe('rejected');
    expect((await pipeline.store.list('participantes')).length).toBe(0);
    return result.status === 'rejected' ? result.detail : undefined;
  };

  it('refuses an empty file', async () => {
    expect(await refused('')).toMatchObject({ code: 'empty', reason: 'bad.csv: is empty: it has no header row' });
  });

  it('refuses a file missing required columns and names them', async () => {
    const content = 'ID,Programa,Implementación\nP-1,Lectura,Grupo A\n';
    expect(await refused(content)).toMatchObject({
      code: 'missing-columns',
      reason: 'bad.csv: is missing required columns: ciclo_escolar, periodo_de_implementacion',
    });
  });

  it('refuses binary content', async () => {
    expect(await refused(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00, 0x42]))).toMatchObject({ code: 'binary' });
  });

  it('refuses an Excel workbook renamed to .csv', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    expect(await refused(xlsx)).toMatchObject({ code: 'spreadsheet' });
  });

  it('refuses duplicate column names and names both', async () => {
    const content = text(',', '\n').replace('Nombre', 'Período de implementación');
    expect(await refused(content)).toMatchObject({
      code: 'duplicate-columns',
      reason:
        "bad.csv: has duplicate columns: 'Período de implementación' (column 2) and " +
        "'Período de implementación' (column 7) both read as 'periodo_de_implementacion'",
    });
  });
});
