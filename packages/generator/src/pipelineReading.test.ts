import { Readable } from 'node:stream';
import { layoutColumns, normaliseHeader, planRow } from '@apilados/domain';
import csvParser from 'csv-parser';
import { describe, expect, it } from 'vitest';
import { collectText } from './testing/collectText.js';

/** Reads generated text the way the pipeline does: normalised headers. */
async function readRows(text: string) {
  const rows: Record<string, string>[] = [];
  const parser = Readable.from([text]).pipe(csvParser({
    mapHeaders: ({ header }) => normaliseHeader(header),
  }));
  for await (const row of parser) rows.push(row as Record<string, string>);
  return rows;
}

describe('a generated file read by the pipeline', () => {
  it('loads every row, warning exactly on the planted values', async () => {
    const { text, result } = await collectText({ rows: 12_000, seed: 1 });
    const rows = await readRows(text);
    const layout = layoutColumns(Object.keys(rows[0] ?? {}));

    let failed = 0;
    const warned = new Map<string, number>();
    rows.forEach((raw, index) => {
      const planned = planRow(index + 2, raw, layout);
      if (planned.plan === undefined) failed += 1;
      for (const issue of planned.issues) {
        const column = issue.column ?? '';
        warned.set(column, (warned.get(column) ?? 0) + 1);
      }
    });
    const sum = (...columns: string[]) =>
      columns.reduce((total, column) => total + (warned.get(column) ?? 0), 0);

    expect(failed).toBe(0);
    expect({
      ageInWords: sum('edad'),
      curpCheckDigit: sum('curp'),
      gradeMalformed: sum('mod1', 'mod2', 'mod3'),
      booleanMalformed: sum('participa_director_a',
        'centro_de_trabajo_verificado', 'constancia', 'descarga_app'),
      other: [...warned.keys()].filter((column) => ![
        'edad', 'curp', 'mod1', 'mod2', 'mod3', 'participa_director_a',
        'centro_de_trabajo_verificado', 'constancia', 'descarga_app',
      ].includes(column)),
    }).toEqual({
      ageInWords: result.malformed.ageInWords,
      curpCheckDigit: result.malformed.curpCheckDigit,
      gradeMalformed: result.malformed.gradeMalformed,
      booleanMalformed: result.malformed.booleanMalformed,
      other: [],
    });
  });
});
