import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { InProcessBus } from '@apilados/event-bus';
import type { DomainEvent } from '@apilados/events';
import { FsObjectStore } from '@apilados/object-store';
import { MemoryProgressStore } from '@apilados/progress-store';
import { tempDir } from '../../../test/support/temp-dir.js';
import { fileIdFor } from './file-id.js';
import { createIntake } from './intake.js';
import { neutralise, reportLine } from './report.js';

let dir: ReturnType<typeof tempDir>;
let objects: FsObjectStore;
let bus: InProcessBus;
let published: DomainEvent[];

beforeEach(() => {
  dir = tempDir();
  objects = new FsObjectStore(dir.path);
  bus = new InProcessBus();
  published = [];
  bus.listen((e) => published.push(e));
});
afterEach(() => dir.remove());

const intake = (chunkSize = 2, maxFileBytes = 1024 * 1024) =>
  createIntake({
    objects, bus, progress: new MemoryProgressStore(),
    logger: new Logger({ logLevel: 'SILENT' }), chunkSize, maxFileBytes,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });

const REQUIRED = 'id,programa,implementacion,ciclo_escolar,periodo_de_implementacion';

describe('intake', () => {
  it('announces the file, then one chunk per CHUNK_SIZE rows', async () => {
    await objects.put('uploads/a.csv', `${REQUIRED}\n1,P,I,C,T\n2,P,I,C,T\n3,P,I,C,T\n`);

    const result = await intake().receive({ key: 'uploads/a.csv', fileId: 'a-1' });

    expect(result).toEqual({ status: 'accepted', fileId: 'a-1', chunks: 2, rows: 3 });
    expect(published.map((e) => e['detail-type'])).toEqual(['File Accepted', 'Chunk Ready', 'Chunk Ready']);
    expect(published.slice(1).map((e) => (e.detail as { firstRow: number; lastRow: number })))
      .toMatchObject([{ firstRow: 2, lastRow: 3 }, { firstRow: 4, lastRow: 4 }]);
  });

  it('stores beside each chunk the school codes the CCT lookup needs, and only those', async () => {
    await objects.put('uploads/s.csv', [
      `${REQUIRED},cct`,
      ' P-1 ,P,I,C,T, 01DJN0002D',
      'P-2,P,I,C,T,NA',
      'P-3,P,I,C,T,',
      'P-4,P,I,C,T,escuela,extra',
      ',P,I,C,T,09DPR9999Z',
    ].join('\n') + '\n');

    await intake(10).receive({ key: 'uploads/s.csv', fileId: 's-1' });

    const ready = published[1]!.detail as { schoolsKey: string };
    expect(ready.schoolsKey).toBe('work/s-1/schools/000001.json');
    expect(await objects.getJson(ready.schoolsKey)).toEqual({
      fileId: 's-1',
      chunk: 1,
      rows: [
        { row: 2, participantId: 'P-1', cct: ' 01DJN0002D' },
        { row: 6, participantId: null, cct: '09DPR9999Z' },
      ],
    });
  });

  it('stores no school codes for a file without a cct column', async () => {
    await objects.put('uploads/n.csv', `${REQUIRED}\n1,P,I,C,T\n`);

    await intake().receive({ key: 'uploads/n.csv', fileId: 'n-1' });

    const ready = published[1]!.detail as { schoolsKey: string };
    expect(await objects.getJson(ready.schoolsKey)).toEqual({ fileId: 'n-1', chunk: 1, rows: [] });
  });

  it('lists at most 200 columns in File Accepted, so a very wide file stays far below 256 KB', async () => {
    const extra = Array.from({ length: 3000 }, (_, i) => `comentario_largo_numero_${i}`);
    await objects.put('uploads/wide.csv', `${REQUIRED},${extra.join(',')}\n`);

    await intake().receive({ key: 'uploads/wide.csv', fileId: 'w-1' });

    const accepted = published[0]!;
    const detail = accepted.detail as { columnCount: number; columns: string[]; ignoredColumns: string[] };
    expect([detail.columnCount, detail.columns.length, detail.ignoredColumns.length]).toEqual([3005, 200, 200]);
    expect(JSON.stringify(accepted).length).toBeLessThan(32 * 1024);
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    await objects.put('uploads/big.csv', `${REQUIRED}\n${'1,P,I,C,T\n'.repeat(200)}`);

    const result = await intake(2, 1024).receive({ key: 'uploads/big.csv', fileId: 'b-1' });

    expect(result).toEqual({
      status: 'rejected', fileId: 'b-1',
      reason: 'big.csv: is 1 MB, over the 1 MB limit (MAX_FILE_SIZE_MB); split it into smaller files',
    });
    expect(published.map((e) => e['detail-type'])).toEqual(['File Rejected']);
  });

  it('refuses a file that does not exist', async () => {
    const result = await intake().receive({ key: 'uploads/none.csv', fileId: 'n-1' });
    expect(result).toMatchObject({ status: 'rejected', reason: 'none.csv: the file does not exist' });
  });
});

describe('error report lines', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=1+2', '+5', '-3', '@SUM(A1)', '\tx', 'plain'].map(neutralise)).toEqual([
      "'=1+2", "'+5", "'-3", "'@SUM(A1)", "'\tx", 'plain',
    ]);
  });

  it('quotes cells holding commas, quotes or line breaks', () => {
    expect(reportLine({
      row: 7, participantId: 'P-1', column: 'nombre', value: 'Ana "la", de\nMérida',
      severity: 'warning', reason: 'x',
    })).toBe('7,P-1,nombre,"Ana ""la"", de\nMérida",warning,x');
  });
});

describe('file ids', () => {
  it('are stable for the same upload identity and readable', () => {
    expect(fileIdFor('uploads/Escuela Año 1.csv', 'bucket/key/v1')).toBe(
      fileIdFor('uploads/Escuela Año 1.csv', 'bucket/key/v1'),
    );
    expect(fileIdFor('uploads/Escuela Año 1.csv', 'x')).toMatch(/^Escuela_Ano_1-[0-9a-f]{12}$/);
  });
});
