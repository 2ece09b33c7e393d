import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStrapiInstalled, startStrapi } from './strapi.js';
import type { LocalStrapi } from './strapi.js';
import { COLLECTION_NAMES as COLLECTIONS } from '@apilados/domain';

interface Entry {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

interface ListBody {
  data: Entry[];
  meta: {
    pagination: {
      page: number;
      pageSize: number;
      pageCount: number;
      total: number;
    };
  };
}

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details: unknown };
}

let cms: LocalStrapi;

/** Sends a request with the API token; `path` starts with /api/. */
async function api(
  path: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? cms.token : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${cms.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

async function create(collection: string, data: object): Promise<Entry> {
  const { status, body } = await api(`/api/${collection}`, {
    method: 'POST',
    body: { data },
  });
  expect(status).toBe(201);
  return (body as { data: Entry }).data;
}

async function list(path: string): Promise<ListBody> {
  const { status, body } = await api(path);
  expect(status).toBe(200);
  return body as ListBody;
}

describe('local Strapi for tests', () => {
  // A first run installs test/strapi (npm ci), which takes minutes.
  beforeAll(() => ensureStrapiInstalled(), 900_000);

  beforeAll(async () => {
    cms = await startStrapi();
  }, 240_000);

  afterAll(async () => {
    if (cms === undefined) return;
    const pid = cms.pid;
    await cms.stop();
    expect(() => process.kill(-pid, 0)).toThrow();
  }, 60_000);

  it('answers 200 with an empty page on each of the fifteen collections', async () => {
    for (const collection of COLLECTIONS) {
      const { status, body } = await api(`/api/${collection}?fields[0]=id`);
      expect({ collection, status }).toEqual({ collection, status: 200 });
      const { meta } = body as ListBody;
      expect(meta.pagination.pageSize).toBe(100);
    }
  });

  it('has seeded the surveys encuesta_inicial and encuesta_final', async () => {
    const page = await list('/api/encuestas?sort=id&fields[0]=clave');
    expect(page.data.map((entry) => entry.clave)).toEqual([
      'encuesta_inicial',
      'encuesta_final',
    ]);
    expect(page.meta.pagination).toEqual({
      page: 1,
      pageSize: 100,
      pageCount: 1,
      total: 2,
    });
  });

  it('refuses a request without a token with 401 UnauthorizedError', async () => {
    const { status, body } = await api('/api/programas', { token: null });
    expect(status).toBe(401);
    expect(body).toEqual({
      data: null,
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Missing or invalid credentials',
        details: {},
      },
    });
  });

  it('refuses a second programa of the same nombre with 400', async () => {
    await create('programas', { nombre: 'Programa único' });
    const { status, body } = await api('/api/programas', {
      method: 'POST',
      body: { data: { nombre: 'Programa único' } },
    });
    expect(status).toBe(400);
    const { error } = body as ErrorBody;
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('This attribute must be unique');
    expect(error.details).toEqual({
      errors: [
        {
          path: ['nombre'],
          message: 'This attribute must be unique',
          name: 'ValidationError',
          value: 'Programa único',
        },
      ],
    });
  });

  it('links entries by numeric ids and finds them by relation filters', async () => {
    const programa = await create('programas', { nombre: 'Programa R' });
    const implementacion = await create('implementaciones', {
      nombre: 'Impl R',
      ciclo_escolar: '2024-2025',
      periodo: 'Primavera',
      programa: programa.id,
      encuestas: [1, 2],
    });
    const participante = await create('participantes', {
      id_externo: 'R-1',
      edad: 41,
      lengua_indigena: true,
    });
    const participacion = await create('participaciones', {
      participante: participante.id,
      implementacion: implementacion.id,
      antiguedad: '12',
      estudiantes_a_cargo: 30,
      participa_director: false,
    });
    expect(participacion).toMatchObject({
      antiguedad: '12',
      estudiantes_a_cargo: 30,
      participa_director: false,
      cct_verificado: null,
    });
    expect(participacion).not.toHaveProperty('participante');

    const forms = [
      `filters[participante][id][$eq]=${participante.id}`,
      `filters[participante][$eq]=${participante.id}`,
      `filters[participante]=${participante.id}`,
      `filters[participante][id][$in][0]=${participante.id}` +
        `&filters[participante][id][$in][1]=999999`,
      `filters[participante][id_externo][$eq]=R-1`,
      `filters[implementacion][$eq]=${implementacion.id}` +
        `&filters[participante][$eq]=${participante.id}`,
    ];
    for (const filter of forms) {
      const page = await list(`/api/participaciones?${filter}&fields[0]=id`);
      expect({ filter, ids: page.data.map((e) => e.id) }).toEqual({
        filter,
        ids: [participacion.id],
      });
    }
    const none = await list(
      `/api/participaciones?filters[participante][id][$eq]=999999`,
    );
    expect(none.data).toEqual([]);

    const populated = await list(
      `/api/implementaciones?filters[id][$eq]=${implementacion.id}` +
        '&fields[0]=nombre&populate[programa][fields][0]=nombre' +
        '&populate[encuestas][fields][0]=clave',
    );
    expect(populated.data).toEqual([
      {
        id: implementacion.id,
        documentId: implementacion.documentId,
        nombre: 'Impl R',
        programa: {
          id: programa.id,
          documentId: programa.documentId,
          nombre: 'Programa R',
        },
        encuestas: [
          expect.objectContaining({ id: 1, clave: 'encuesta_inicial' }),
          expect.objectContaining({ id: 2, clave: 'encuesta_final' }),
        ],
      },
    ]);
  });

  it('filters by $in with up to 100 values and ignores a longer $in', async () => {
    const inFilter = (count: number): string =>
      Array.from(
        { length: count },
        (_, i) => `filters[id][$in][${i}]=${i === 0 ? 1 : 1_000_000 + i}`,
      ).join('&');
    const hundred = await list(`/api/encuestas?fields[0]=clave&${inFilter(100)}`);
    expect(hundred.data.map((entry) => entry.id)).toEqual([1]);
    const tooMany = await list(`/api/encuestas?fields[0]=clave&${inFilter(101)}`);
    expect(tooMany.meta.pagination.total).toBe(2);
  });

  it('pages 100 entries by default and up to 1000 when asked', async () => {
    const before = (await list('/api/ccts?fields[0]=clave')).meta.pagination;
    expect(before.total).toBe(0);
    for (let start = 0; start < 150; start += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          create('ccts', { clave: `31DPR${String(start + i).padStart(4, '0')}X` }),
        ),
      );
    }
    const byDefault = await list('/api/ccts?fields[0]=clave');
    expect(byDefault.data).toHaveLength(100);
    expect(byDefault.meta.pagination).toEqual({
      page: 1,
      pageSize: 100,
      pageCount: 2,
      total: 150,
    });
    const big = await list('/api/ccts?fields[0]=clave&pagination[pageSize]=1000');
    expect(big.data).toHaveLength(150);
    expect(big.meta.pagination.pageSize).toBe(1000);
    const capped = await list(
      '/api/ccts?fields[0]=clave&pagination[pageSize]=5000',
    );
    expect(capped.meta.pagination.pageSize).toBe(1000);
  });
});
