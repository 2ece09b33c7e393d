import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '@apilados/domain';
import { fromStrapi, keyOf, normaliseValue, toStrapi } from './strapi-entry.js';

describe('fromStrapi', () => {
  it('turns populated links into ids, the many-to-many into sorted ids', () => {
    const raw = {
      id: 4, documentId: 'abc', nombre: 'Grupo A', ciclo_escolar: '2024-2025',
      periodo: 'Otoño', programa: { id: 2, documentId: 'p' },
      encuestas: [{ id: 2 }, { id: 1 }], createdAt: '2024-01-01',
    };

    expect(fromStrapi(COLLECTIONS.implementaciones, raw)).toEqual({
      id: 4,
      fields: {
        nombre: 'Grupo A', ciclo_escolar: '2024-2025', periodo: 'Otoño',
        programa: 2, encuestas: [1, 2],
      },
    });
  });

  it('reads absent values as null, decimals as numbers and booleans as booleans', () => {
    const grade = fromStrapi(COLLECTIONS['modulo-progreso-registros'],
      { id: 1, calificacion: '8.50', participacion: null });
    const email = fromStrapi(COLLECTIONS['correo-participantes'],
      { id: 2, principal: 1, correo: 'a@b.mx' });

    expect(grade?.fields).toEqual({ participacion: null, modulo: null, calificacion: 8.5 });
    expect(email?.fields).toEqual({ participante: null, correo: 'a@b.mx', principal: true });
  });

  it('refuses an entry without a numeric id', () => {
    expect(fromStrapi(COLLECTIONS.programas, { documentId: 'x' })).toBeUndefined();
  });
});

describe('keyOf', () => {
  it('gives a draft and its populated CMS entry the same key', () => {
    const draft = { participante: 7, implementacion: 3, puesto: 'Docente' };
    const entry = { participante: { id: 7 }, implementacion: { id: 3 } };

    expect(keyOf('participaciones', draft)).toBe(
      keyOf('participaciones', entry as never),
    );
    expect(keyOf('participaciones', draft)).toBe('7\u001f3');
  });
});

describe('toStrapi', () => {
  it('keeps the collection fields with values and leaves the rest out', () => {
    const data = toStrapi(COLLECTIONS.participantes, {
      id_externo: 'P-1', edad: 34, curp: null, lengua_indigena: false,
      cct: 7, extra: 'ignored',
    });

    expect(data).toEqual({ id_externo: 'P-1', edad: 34, lengua_indigena: false, cct: 7 });
  });

  it('sends the many-to-many as an id list', () => {
    const data = toStrapi(COLLECTIONS.implementaciones, {
      nombre: 'G', ciclo_escolar: 'c', periodo: 'p', programa: 1, encuestas: [2, 1],
    });

    expect(data.encuestas).toEqual([1, 2]);
  });
});

describe('normaliseValue', () => {
  it('reads numbers from strings and leaves unreadable ones empty', () => {
    expect(normaliseValue({ kind: 'scalar', type: 'integer' }, '12')).toBe(12);
    expect(normaliseValue({ kind: 'scalar', type: 'integer' }, 'x')).toBeNull();
  });
});
