import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorOptionError } from './errors.js';
import { isWellFormedCct } from './testing/isWellFormedCct.js';
import { collectText } from './testing/collectText.js';
import { parseCsv } from './testing/parseCsv.js';
import { writeCctCatalogueCsv } from './writeCctCatalogueCsv.js';
import { writeParticipationsCsv } from './writeParticipationsCsv.js';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'apilados-generator-test-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeParticipationsCsv', () => {
  it('writes the generated text and reports its size', async () => {
    const path = join(folder, 'same.csv');
    const result = await writeParticipationsCsv(path, { rows: 3_000, seed: 5 });
    const { text } = await collectText({ rows: 3_000, seed: 5 });

    expect(await readFile(path, 'utf8')).toBe(text);
    expect(result.bytes).toBe((await stat(path)).size);
    expect(result.bytes).toBe(Buffer.byteLength(text));
  });

  it('writes files that csv-parser reads back, line breaks included',
    async () => {
      const path = join(folder, 'parse.csv');
      const result = await writeParticipationsCsv(path, { rows: 3_000 });
      const records = await parseCsv(await readFile(path, 'utf8'));
      const details = records.map((record) => record['Puesto detalle'] ?? '');

      expect(records.length).toBe(result.rows);
      expect(details.filter((detail) => detail.includes('\n')).length)
        .toBeGreaterThan(0);
      expect(details.filter((detail) => detail.includes(',')).length)
        .toBeGreaterThan(0);
      expect(records.every((record) => Object.keys(record).length === 51))
        .toBe(true);
    });

  it('writes the same records with semicolons and CRLF', async () => {
    const comma = join(folder, 'comma.csv');
    const semicolon = join(folder, 'semicolon.csv');
    await writeParticipationsCsv(comma, { rows: 600 });
    await writeParticipationsCsv(semicolon, {
      rows: 600, separator: ';', crlf: true,
    });
    const text = await readFile(semicolon, 'utf8');

    expect(text.split('\r\n')[1]?.includes(';')).toBe(true);
    expect(await parseCsv(text, ';')).toEqual(
      await parseCsv(await readFile(comma, 'utf8')));
  });

  it('starts with a byte-order mark on request', async () => {
    const path = join(folder, 'bom.csv');
    await writeParticipationsCsv(path, { rows: 5, bom: true });
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x49, 0x44]);
  });

  it('writes Windows-1252 bytes that decode to the same text', async () => {
    const path = join(folder, 'cp1252.csv');
    const result = await writeParticipationsCsv(path, {
      rows: 2_000, encoding: 'windows-1252',
    });
    const bytes = await readFile(path);
    const { text } = await collectText({ rows: 2_000 });

    expect(new TextDecoder('windows-1252').decode(bytes)).toBe(text);
    expect(result.bytes).toBe(text.length);
  });

  it('refuses a byte-order mark with Windows-1252', async () => {
    await expect(writeParticipationsCsv(join(folder, 'x.csv'), {
      rows: 1, bom: true, encoding: 'windows-1252',
    })).rejects.toThrow(GeneratorOptionError);
  });
});

describe('writeCctCatalogueCsv', () => {
  it('writes id,clave with ids 1..N and distinct codes', async () => {
    const path = join(folder, 'ccts_export.csv');
    const result = await writeCctCatalogueCsv(path, { rows: 300, seed: 7 });
    const lines = (await readFile(path, 'utf8')).split('\n');
    const codes = lines.slice(1, -1).map((line) => line.split(',')[1] ?? '');

    expect(result.entries).toBe(200);
    expect(lines[0]).toBe('id,clave');
    expect(lines.length).toBe(202);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).map((line) => line.split(',')[0]))
      .toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1)));
    expect(new Set(codes).size).toBe(200);
    expect(codes.every(isWellFormedCct)).toBe(true);
  });

  it('holds every well-formed code of the matching participation file',
    async () => {
      const options = { rows: 6_000, seed: 3 };
      const catalogue = join(folder, 'matching-ccts.csv');
      await writeCctCatalogueCsv(catalogue, options);
      const participations = join(folder, 'matching.csv');
      const result = await writeParticipationsCsv(participations, options);

      const known = new Set((await readFile(catalogue, 'utf8')).split('\n')
        .slice(1, -1).map((line) => line.split(',')[1]));
      const records = await parseCsv(await readFile(participations, 'utf8'));
      const missing = records.map((record) => record.CCT ?? '')
        .filter((code) => isWellFormedCct(code) && !known.has(code));

      expect(known.size).toBe(3_000);
      expect(missing.length).toBe(result.malformed.cctNotInCatalogue);
    });
});
