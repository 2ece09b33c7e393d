import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, HEADERS, csvText, row } from '../support/csv-text.js';
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

const count = (table: string) =>
  (pipeline.store as unknown as { countOf(t: string): number }).countOf(table);

describe('a load accounts for every row', () => {
  it('counts read = loaded + failed and reports each failed row with its reason', async () => {
    const text =
      csvText([
        HEADERS,
        row({ ID: 'P-1' }),
        row({ ID: 'P-2', Email: 'b@example.mx' }),
        row({ ID: 'P-3', 'Implementación': 'NA' }),
        row({ ID: 'P-4', Email: 'd@example.mx' }),
      ]) + 'P-5,too,few\n';

    const result = completed(await pipeline.load('mixed.csv', text));

    expect(result.detail.rows).toEqual({ read: 5, loaded: 3, failed: 2, warnings: 0 });
    const report = readFileSync(result.reportPath!, 'utf8').trim().split('\n');
    expect(report).toEqual([
      'row,participant_id,column,value,severity,reason',
      "4,P-3,implementacion,NA,error,required column 'implementacion' is empty",
      `6,P-5,,,error,row has 3 fields but the header has ${HEADERS.length}; ` +
        'check for an unquoted separator or a missing cell',
    ]);
    expect(count('participaciones')).toBe(3);
  });

  it('loads a file in several chunks with the same totals', async () => {
    await pipeline.close();
    pipeline = await openLocal(dir.path, { catalogue: CATALOGUE, env: { CHUNK_SIZE: '2' } });
    const rows = [1, 2, 3, 4, 5].map((n) => row({ ID: `P-${n}`, Email: `p${n}@example.mx` }));

    const result = completed(await pipeline.load('chunks.csv', csvText([HEADERS, ...rows])));

    expect(result.detail.chunks).toBe(3);
    expect(result.detail.rows).toEqual({ read: 5, loaded: 5, failed: 0, warnings: 0 });
    expect(result.detail.created.participantes).toBe(5);
  });

  it('accepts a header with no rows as an empty load', async () => {
    const result = completed(await pipeline.load('header.csv', csvText([HEADERS])));

    expect(result.detail.chunks).toBe(0);
    expect(result.detail.rows).toEqual({ read: 0, loaded: 0, failed: 0, warnings: 0 });
    expect(result.reportPath).toBeNull();
  });
});

describe('loading again finds what exists', () => {
  it('creates nothing the second time the same file is loaded', async () => {
    const text = csvText([HEADERS, row({ ID: 'P-1' }), row({ ID: 'P-2', Email: 'b@example.mx' })]);
    const first = completed(await pipeline.load('again.csv', text));

    const second = completed(await pipeline.load('again.csv', text));

    expect(Object.values(first.detail.created).reduce((a, b) => a + b)).toBe(21);
    expect(Object.values(second.detail.created).every((n) => n === 0)).toBe(true);
    expect(second.detail.rows.loaded).toBe(2);
    expect(count('participantes')).toBe(2);
  });

  it('reuses people a second file shares with the first', async () => {
    await pipeline.load('a.csv', csvText([HEADERS, row({ ID: 'P-1' }), row({ ID: 'P-2', Email: 'b@example.mx' })]));

    const result = completed(
      await pipeline.load('b.csv', csvText([HEADERS, row({ ID: 'P-2', Email: 'b@example.mx' }), row({ ID: 'P-3', Email: 'c@example.mx' })])),
    );

    expect(result.detail.created.participantes).toBe(1);
    expect(result.detail.created.participaciones).toBe(1);
    expect(count('participantes')).toBe(3);
  });
});

describe('people, participations and emails', () => {
  it('gives one person in two implementations one participant, two participations, and one principal email', async () => {
    const text = csvText([
      HEADERS,
      row({ ID: 'P-9', Email: 'first@example.mx' }),
      row({ ID: 'P-9', Email: 'second@example.mx', 'Implementación': 'Grupo B' }),
    ]);

    const result = completed(await pipeline.load('two.csv', text));

    expect(result.detail.created.participantes).toBe(1);
    expect(result.detail.created.participaciones).toBe(2);
    const emails = (await pipeline.store.list('correo-participantes')).map((e) => [
      e.fields.correo,
      e.fields.principal,
    ]);
    expect(emails).toEqual([
      ['first@example.mx', true],
      ['second@example.mx', false],
    ]);
  });

  it('keeps the first address principal when a later file adds another', async () => {
    await pipeline.load('one.csv', csvText([HEADERS, row({ ID: 'P-9', Email: 'first@example.mx' })]));

    await pipeline.load('two.csv', csvText([HEADERS, row({ ID: 'P-9', Email: 'later@example.mx', 'Implementación': 'Grupo B' })]));

    const emails = (await pipeline.store.list('correo-participantes')).map((e) => e.fields.principal);
    expect(emails).toEqual([true, false]);
  });

  it('writes every record a complete row implies, with its links', async () => {
    completed(await pipeline.load('full.csv', csvText([HEADERS, row({ ID: 'P-1' })])));

    const [participante] = await pipeline.store.list('participantes');
    const [participacion] = await pipeline.store.list('participaciones');
    const [app] = await pipeline.store.list('uso-app-participantes');
    const [grade] = await pipeline.store.list('modulo-progreso-registros');
    const [attendance] = await pipeline.store.list('participante-asistencia-registros');
    const [session] = await pipeline.store.list('asistencias');
    const surveys = await pipeline.store.list('encuesta-completada-registros');
    const [implementacion] = await pipeline.store.list('implementaciones');
    expect(participante!.fields).toMatchObject({ id_externo: 'P-1', edad: 34, cct: 7, nombre: 'Ana', primer_apellido: 'Pérez' });
    expect(participacion!.fields).toMatchObject({ participante: participante!.id, participa_director: false });
    expect(app!.fields).toEqual({ participante: participante!.id, minutos_uso_app: 120, descargo_app: true });
    expect(grade!.fields).toMatchObject({ participacion: participacion!.id, calificacion: 8.5 });
    expect(session!.fields).toMatchObject({ clave_sesion: 'asist_sesion_1', modalidad: 'Virtual' });
    expect(attendance!.fields).toEqual({ participacion: participacion!.id, asistencia: session!.id, presente: true });
    expect(surveys.map((s) => s.fields.estado)).toEqual(['Completada']);
    expect(implementacion!.fields).toMatchObject({ nombre: 'Grupo A', ciclo_escolar: '2024-2025', periodo: 'Otoño 2024', encuestas: [1, 2] });
    expect(count('trabajo_realizado_registros')).toBe(1);
    expect(count('participante_asistencia_registros')).toBe(1);
  });
});

describe('school codes', () => {
  it('links known codes and warns about unknown and malformed ones without dropping the row', async () => {
    const text = csvText([
      HEADERS,
      row({ ID: 'P-1', CCT: '01djn0002d' }),
      row({ ID: 'P-2', Email: 'b@example.mx', CCT: '09DPR9999Z' }),
      row({ ID: 'P-3', Email: 'c@example.mx', CCT: '1DJN02' }),
    ]);

    const result = completed(await pipeline.load('ccts.csv', text));

    expect(result.detail.rows).toEqual({ read: 3, loaded: 3, failed: 0, warnings: 2 });
    const links = (await pipeline.store.list('participantes')).map((p) => [p.fields.id_externo, p.fields.cct]);
    expect(links).toEqual([['P-1', 7], ['P-2', null], ['P-3', null]]);
    const report = readFileSync(result.reportPath!, 'utf8');
    expect(report).toContain("3,P-2,cct,09DPR9999Z,warning,CCT '09DPR9999Z' is not in the catalogue");
    expect(report).toContain(
      "4,P-3,cct,1DJN02,warning,\"CCT '1DJN02' is malformed (has 6 characters; " +
        'a CCT has 10, e.g. 01DJN0002D); the school link is left empty"',
    );
  });
});

describe('dry run', () => {
  it('validates every row and writes the report but nothing to the store', async () => {
    const text = csvText([HEADERS, row({ ID: 'P-1' }), row({ ID: 'P-2', Edad: 'treinta' })]);

    const result = completed(await pipeline.load('dry.csv', text, { dryRun: true }));

    expect(result.detail.rows).toEqual({ read: 2, loaded: 2, failed: 0, warnings: 1 });
    expect(result.detail.dryRun).toBe(true);
    expect(count('participantes')).toBe(0);
    expect(readFileSync(result.reportPath!, 'utf8')).toContain(
      "3,P-2,edad,treinta,warning,column 'edad': expected a whole number",
    );
  });
});
