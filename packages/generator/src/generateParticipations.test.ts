import { describe, expect, it } from 'vitest';
import { computedCatalogue } from './cctCatalogue.js';
import { isValidCurp } from './curp.js';
import { GeneratorOptionError } from './errors.js';
import { isWellFormedCct } from './testing/isWellFormedCct.js';
import { generateParticipations } from './generateParticipations.js';
import { PARTICIPATION_HEADERS, PERSON_HEADERS } from './headers.js';
import { NOT_BOOLEANS } from './malformations.js';
import { isValidRfc, rfcCheckDigit } from './rfc.js';
import { collectText } from './testing/collectText.js';
import { parseCsv } from './testing/parseCsv.js';
import type { CsvRecord } from './testing/parseCsv.js';

const NOT_AVAILABLE = new Set(['', 'NA', 'N/A', 'n/a']);
const present = (value: string | undefined) =>
  value !== undefined && !NOT_AVAILABLE.has(value);

const REQUIRED = [
  'ID', 'Programa', 'Implementación', 'Ciclo escolar',
  'Período de implementación',
];

async function generate(rows: number, seed = 1) {
  const { text, result } = await collectText({ rows, seed });
  return { text, result, records: await parseCsv(text) };
}

function byId(records: readonly CsvRecord[]) {
  const groups = new Map<string, CsvRecord[]>();
  for (const record of records) {
    const id = record.ID ?? '';
    groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  return groups;
}

describe('generateParticipations', () => {
  it('numbers people from 100001, or from firstId when given', async () => {
    const plain = await parseCsv((await collectText({ rows: 50, seed: 3 })).text);
    const shifted = await parseCsv((await collectText({ rows: 50, seed: 3, firstId: 500 })).text);

    const ids = (records: readonly CsvRecord[]) => [...byId(records).keys()].map(Number);
    expect(Math.min(...ids(plain))).toBe(100_001);
    expect(Math.min(...ids(shifted))).toBe(500);
    expect(ids(shifted)).toEqual(ids(plain).map((id) => id - 100_001 + 500));
  });

  it('refuses a first id that is not a whole number from 1', async () => {
    await expect(collectText({ rows: 5, firstId: 0 })).rejects.toThrow(GeneratorOptionError);
  });

  it('gives byte-identical text for the same seed', async () => {
    const first = await collectText({ rows: 2_500, seed: 11 });
    const second = await collectText({ rows: 2_500, seed: 11 });
    expect(second.text).toBe(first.text);
  });

  it('gives different text for a different seed', async () => {
    const first = await collectText({ rows: 200, seed: 11 });
    const second = await collectText({ rows: 200, seed: 12 });
    expect(second.text).not.toBe(first.text);
  });

  it('starts with the header row', async () => {
    const { text } = await collectText({ rows: 1 });
    expect(text.slice(0, text.indexOf('\n'))).toBe(
      PARTICIPATION_HEADERS.join(','));
  });

  it('writes exactly the requested number of rows', async () => {
    const { records, result } = await generate(3_001);
    expect(records.length).toBe(3_001);
    expect(result.rows).toBe(3_001);
  });

  it('writes only the header for zero rows', async () => {
    const { text, result } = await collectText({ rows: 0 });
    expect(text).toBe(`${PARTICIPATION_HEADERS.join(',')}\n`);
    expect(result.people).toBe(0);
  });

  it('puts 20 % of people into a second implementation', async () => {
    const { records, result } = await generate(12_000);
    const groups = byId(records);
    const twice = [...groups.values()].filter((rows) => rows.length === 2);

    expect(result.people).toBe(10_000);
    expect(result.peopleInTwoImplementations).toBe(2_000);
    expect(groups.size).toBe(10_000);
    expect(twice.length).toBe(2_000);
    expect([...groups.values()].every((rows) => rows.length <= 2)).toBe(true);
  });

  it('repeats the personal data of a person in two implementations',
    async () => {
      const { records, result } = await generate(3_000);
      const twice = [...byId(records).values()].filter((rows) =>
        rows.length === 2) as [CsvRecord, CsvRecord][];
      const personal = PERSON_HEADERS.filter((header) => header !== 'Email');
      const implementation = (record: CsvRecord) =>
        REQUIRED.slice(1).map((header) => record[header]).join('|');

      const sameData = twice.filter(([a, b]) =>
        personal.every((header) => a[header] === b[header]));
      const otherImplementation = twice.filter(([a, b]) =>
        implementation(a) !== implementation(b));
      const twoEmails = twice.filter(([a, b]) => a.Email !== b.Email);

      expect(sameData.length).toBe(twice.length);
      expect(otherImplementation.length).toBe(twice.length);
      expect(twoEmails.length).toBe(result.peopleWithTwoEmails);
      expect(twoEmails.length).toBeGreaterThan(0);
    });

  it('fills the required columns of every row', async () => {
    const { records } = await generate(3_000);
    const empty = records.filter((record) =>
      REQUIRED.some((header) => !present(record[header])));
    expect(empty).toEqual([]);
  });

  it('uses 3 or 4 programs with 2 or 3 implementations each', async () => {
    const { records, result } = await generate(3_000);
    const programs = new Set(records.map((record) => record.Programa));
    const implementations = new Set(records.map((record) =>
      REQUIRED.slice(1).map((header) => record[header]).join('|')));

    expect(programs.size).toBe(result.programs);
    expect(implementations.size).toBe(result.implementations);
    expect(result.programs).toBeGreaterThanOrEqual(3);
    expect(result.programs).toBeLessThanOrEqual(4);
    expect(result.implementations).toBeGreaterThanOrEqual(2 * result.programs);
    expect(result.implementations).toBeLessThanOrEqual(3 * result.programs);
  });

  it('plants each row malformation on one row in two hundred', async () => {
    const { result } = await generate(12_000);
    expect(result.malformed.gradeMalformed).toBe(60);
    expect(result.malformed.booleanMalformed).toBe(60);
  });

  it('reports exactly the malformed values the file holds', async () => {
    const { records, result } = await generate(6_000);
    const catalogue = computedCatalogue(1, 3_000);
    const known = new Set(Array.from({ length: catalogue.size },
      (_, i) => catalogue.codeAt(i)));
    const cells = (header: string) =>
      records.map((record) => record[header] ?? '').filter(present);
    const grades = ['Mod1', 'Mod2', 'Mod3'];

    expect({
      ageInWords: cells('Edad').filter((age) => !/^\s*\d+\s*$/.test(age))
        .length,
      cctMalformed: cells('CCT').filter((code) => !isWellFormedCct(code))
        .length,
      cctNotInCatalogue: cells('CCT').filter((code) =>
        isWellFormedCct(code) && !known.has(code)).length,
      curpCheckDigit: cells('CURP').filter((curp) => !isValidCurp(curp))
        .length,
      gradeMalformed: records.filter((record) =>
        grades.some((header) => record[header]?.includes('..'))).length,
      booleanMalformed: records.filter((record) =>
        Object.values(record).some((cell) => NOT_BOOLEANS.includes(cell)))
        .length,
    }).toEqual(result.malformed);
    expect(result.malformed.curpCheckDigit).toBeGreaterThan(0);
  });

  it('writes ages 22 to 65 and RFCs with a correct check', async () => {
    const { records } = await generate(3_000);
    const ages = records.map((record) => record.Edad ?? '')
      .filter((age) => /^\s*\d+\s*$/.test(age)).map(Number);
    const rfcs = records.map((record) => record.RFC ?? '').filter(present);

    expect(Math.min(...ages)).toBe(22);
    expect(Math.max(...ages)).toBe(65);
    expect(rfcs.filter((rfc) => rfc.length !== 13 || !isValidRfc(rfc) ||
      rfcCheckDigit(rfc.slice(0, 12)) !== rfc[12])).toEqual([]);
  });

  it('leaves about 5 to 10 % of optional person cells not available',
    async () => {
      const { records } = await generate(6_000);
      const optional = ['Edad', 'Sexo', 'Teléfono', 'RFC', 'Entidad'];
      const cells = records.flatMap((record) =>
        optional.map((header) => record[header]));
      const share = cells.filter((cell) => !present(cell)).length /
        cells.length;
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.1);
    });

  it('draws codes from a catalogue given as a list', async () => {
    const codes = ['31DPR0001A', '31DPR0002B', '23EES0003C', '04DJN0004D'];
    const { text, result } = await collectText({
      rows: 1_200, catalogue: { codes },
    });
    const records = await parseCsv(text);
    const wellFormed = records.map((record) => record.CCT ?? '')
      .filter(isWellFormedCct);
    const outside = wellFormed.filter((code) => !codes.includes(code));

    expect(result.catalogueSize).toBe(4);
    expect(outside.length).toBe(result.malformed.cctNotInCatalogue);
  });

  it('puts everyone in one implementation when the share is zero',
    async () => {
      const { result } = await collectText({
        rows: 500, twoImplementationShare: 0,
      });
      expect(result.people).toBe(500);
      expect(result.peopleInTwoImplementations).toBe(0);
    });

  it('plants nothing when the malformed rate is zero', async () => {
    const { result } = await collectText({ rows: 2_000, malformedRate: 0 });
    expect(Object.values(result.malformed)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rejects a negative row count before generating anything', () => {
    expect(() => generateParticipations({ rows: -1 })).toThrow(
      GeneratorOptionError,
    );
  });

  it('rejects a share above one', () => {
    expect(() => generateParticipations({
      rows: 10, twoImplementationShare: 1.5,
    })).toThrow('twoImplementationShare');
  });
});
