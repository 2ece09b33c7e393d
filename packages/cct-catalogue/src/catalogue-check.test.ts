import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalogue, formatCatalogueCheck } from './catalogue-check.js';
import type { CatalogueCheck } from './catalogue-check.js';
import { CatalogueFormatError } from './errors.js';

const CATALOGUE = 'id,clave\r\n1,01DJN0002D\r\n2,02ABC0001A\r\n' +
  'x,03ABC0001A\r\n3,01DJN0002D\r\n';

describe('checkCatalogue', () => {
  let dir = '';
  let path = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cct-check-'));
    path = join(dir, 'ccts_export.csv');
    await writeFile(path, CATALOGUE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports entries, bad lines, memory and the mode chosen', async () => {
    const check = await checkCatalogue(path, { budgetMb: 1 });
    expect(check.file).toBe(path);
    expect(check.fileBytes).toBe(66);
    expect(check.stats.entries).toBe(2);
    expect(check.stats.badLines).toBe(2);
    expect(check.stats.badLineSamples.map((bad) => bad.line)).toEqual([4, 5]);
    // ceil((66 - 9) / 13) = 5 entries × 16 bytes × 1.5
    expect(check.estimatedBytes).toBe(120);
    expect(check.indexBytes).toBe(24);
    expect(typeof check.heapDeltaBytes).toBe('number');
    expect(check.choice).toEqual({
      mode: 'preloaded',
      reason: 'The CCT catalogue needs about 120 bytes, which fits the 1 MB ' +
        'budget, so it is preloaded.',
    });
  });

  it('chooses on demand with a zero budget, or a forced mode', async () => {
    expect((await checkCatalogue(path, { budgetMb: 0 })).choice.mode)
      .toBe('on-demand');
    expect((await checkCatalogue(path, {
      budgetMb: 0, forced: 'preloaded',
    })).choice.reason).toBe('CCT mode preloaded is forced by setting.');
  });

  it('throws the format error of a wrong header', async () => {
    const wrong = join(dir, 'wrong.csv');
    await writeFile(wrong, 'clave;id\n');
    await expect(checkCatalogue(wrong, { budgetMb: 1 }))
      .rejects.toBeInstanceOf(CatalogueFormatError);
  });
});

describe('formatCatalogueCheck', () => {
  const check: CatalogueCheck = {
    file: 'ccts_export.csv',
    fileBytes: 5_700_019,
    stats: {
      file: 'ccts_export.csv',
      lines: 300_003,
      entries: 300_000,
      badLines: 3,
      badLinesByKind: { fields: 0, id: 1, clave: 1, duplicate: 1 },
      badLineSamples: [
        { line: 4, kind: 'id', reason: 'id "x" is not a positive whole number' },
        { line: 9, kind: 'clave', reason:
          'clave "01DJN002D" has 9 characters; a CCT has 10, e.g. 01DJN0002D' },
      ],
      elapsedMs: 250,
    },
    estimatedBytes: 10_523_088,
    indexBytes: 3_600_000,
    heapDeltaBytes: 3_800_000,
    heapMeasuredAfterGc: true,
    budgetMb: 64,
    choice: { mode: 'preloaded', reason: 'It fits.' },
  };

  it('renders a few human lines', () => {
    expect(formatCatalogueCheck(check)).toBe([
      'CCT catalogue ccts_export.csv (5.4 MB)',
      'Entries: 300,000 from 300,003 data lines',
      'Bad lines: 3 (id 1, clave 1, duplicate 1, fields 0)',
      '  line 4: id "x" is not a positive whole number',
      '  line 9: clave "01DJN002D" has 9 characters; a CCT has 10, ' +
        'e.g. 01DJN0002D',
      '  … and 1 more',
      'Memory: estimated 10.0 MB, index 3.4 MB, heap grew 3.6 MB (after GC)',
      'Mode: preloaded (budget 64 MB). It fits.',
    ].join('\n'));
  });

  it('says when the heap was measured without collecting garbage', () => {
    const rough = { ...check, heapMeasuredAfterGc: false };
    expect(formatCatalogueCheck(rough)).toContain(
      'heap grew 3.6 MB (without GC, rough)');
  });
});
