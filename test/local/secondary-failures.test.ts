import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName, Fields } from '@apilados/domain';
import { LoadStoppedError } from '@apilados/local-runtime';
import type { RecordStore } from '@apilados/record-store';
import { CATALOGUE, HEADERS, csvText, row } from '../support/csv-text.js';
import { completed, openLocal, type LocalPipeline } from '../support/local.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let pipeline: LocalPipeline | undefined;

beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await pipeline?.close();
  dir.remove();
});

/** A store whose writes to one collection fail the way a CMS refuses an entry. */
function refusing(collection: CollectionName, refuse: (draft: Fields) => boolean) {
  return (store: RecordStore): RecordStore =>
    Object.assign(Object.create(store) as RecordStore, {
      ensure: async (name: CollectionName, drafts: readonly Fields[]) => {
        const outcomes = await store.ensure(name, drafts.filter((d) => name !== collection || !refuse(d)));
        let next = 0;
        return drafts.map((d) =>
          name === collection && refuse(d) ? { ok: false as const, reason: 'HTTP 400: refused' } : outcomes[next++]!,
        );
      },
    });
}

const FILE = csvText([
  HEADERS,
  row({ ID: 'P-1', Asist_Sesion_2: 'x' }),
  row({ ID: 'P-2', Email: 'b@example.mx' }),
]);

describe('secondary records are never dropped silently', () => {
  it('fails the row whose attendance could not be written, and a re-run loads it', async () => {
    pipeline = await openLocal(dir.path, {
      catalogue: CATALOGUE,
      wrapStore: refusing('participante-asistencia-registros', () => true),
    });
    const first = completed(await pipeline.load('secondary.csv', FILE));
    expect(first.detail.rows).toEqual({ read: 2, loaded: 0, failed: 2, warnings: 0 });
    await pipeline.close();

    pipeline = await openLocal(dir.path, { catalogue: CATALOGUE });
    const second = completed(await pipeline.load('secondary.csv', FILE));

    expect(second.detail.rows).toEqual({ read: 2, loaded: 2, failed: 0, warnings: 0 });
    expect(second.detail.created['participante-asistencia-registros']).toBe(3);
    expect(second.detail.created.participantes).toBe(0);
  });

  it('names the column of the record that failed', async () => {
    pipeline = await openLocal(dir.path, {
      catalogue: CATALOGUE,
      wrapStore: refusing('correo-participantes', (d) => d.correo === 'b@example.mx'),
    });

    const result = completed(await pipeline.load('email.csv', FILE));

    expect(result.detail.rows).toEqual({ read: 2, loaded: 1, failed: 1, warnings: 0 });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(result.reportPath!, 'utf8').trim().split('\n')[1]).toBe(
      '3,P-2,email,,error,could not write correo-participantes: HTTP 400: refused',
    );
  });

  it('fails rows needing a survey the catalogue lacks instead of skipping it', async () => {
    pipeline = await openLocal(dir.path, { catalogue: CATALOGUE });
    const db = (pipeline.store as unknown as { db: import('better-sqlite3').Database }).db;
    db.prepare(`DELETE FROM encuestas WHERE clave = 'encuesta_final'`).run();

    const result = completed(
      await pipeline.load('survey.csv', csvText([HEADERS, row({ ID: 'P-1', 'Encuesta final': 'Sí' })])),
    );

    expect(result.detail.rows.failed).toBe(1);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(result.reportPath!, 'utf8')).toContain(
      "2,P-1,encuesta_final,,error,survey 'encuesta_final' is not in the CMS's encuestas catalogue",
    );
  });

  it('stops with the reason when the store stops answering, keeping what was written', async () => {
    let calls = 0;
    pipeline = await openLocal(dir.path, {
      catalogue: CATALOGUE,
      env: { CHUNK_SIZE: '1', PROCESS_MODE: 'sequential' },
      wrapStore: (store) =>
        Object.assign(Object.create(store) as RecordStore, {
          ensure: async (name: CollectionName, drafts: readonly Fields[]) => {
            if (name === 'programas' && ++calls > 1) throw new Error('connection refused');
            return store.ensure(name, drafts);
          },
        }),
    });

    const error = await pipeline.load('outage.csv', FILE).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LoadStoppedError);
    expect((error as LoadStoppedError).message).toBe(
      'outage.csv: load stopped after 1 chunk(s): connection refused',
    );
    expect((await pipeline.store.list('participaciones')).length).toBe(1);
  });
});
