import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  emptyCounts,
  naturalKey,
  SURVEY_KEYS,
  type FieldSpec,
} from './collections.js';

const KEYS: Record<string, string[]> = {
  ccts: ['clave'],
  encuestas: ['clave'],
  programas: ['nombre'],
  implementaciones: ['nombre', 'ciclo_escolar', 'periodo'],
  modulos: ['nombre', 'implementacion'],
  asistencias: ['clave_sesion', 'implementacion'],
  trabajos: ['nombre', 'implementacion'],
  participantes: ['id_externo'],
  participaciones: ['participante', 'implementacion'],
  'correo-participantes': ['participante', 'correo'],
  'uso-app-participantes': ['participante'],
  'modulo-progreso-registros': ['participacion', 'modulo'],
  'encuesta-completada-registros': ['participacion', 'encuesta'],
  'participante-asistencia-registros': ['participacion', 'asistencia'],
  'trabajo-realizado-registros': ['participacion', 'trabajo'],
};

/** Every field as 'type' or '->target' ('=>target' for to-many). */
function shape(name: keyof typeof COLLECTIONS): Record<string, string> {
  return Object.fromEntries(
    Object.entries(COLLECTIONS[name].fields).map(([field, spec]) => [
      field,
      describeField(spec),
    ]),
  );
}

function describeField(spec: FieldSpec): string {
  if (spec.kind === 'scalar') return spec.type;
  return `${spec.many ? '=>' : '->'}${spec.target}`;
}

describe('COLLECTIONS', () => {
  it('holds the fifteen CMS collections', () => {
    expect(COLLECTION_NAMES).toHaveLength(15);
    expect(Object.keys(COLLECTIONS).sort()).toEqual(
      [...COLLECTION_NAMES].sort());
    expect(Object.keys(KEYS).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('names each entry by its collection', () => {
    for (const name of COLLECTION_NAMES) {
      expect(COLLECTIONS[name].name).toBe(name);
    }
  });

  it('identifies entries by the natural keys of the domain', () => {
    for (const name of COLLECTION_NAMES) {
      expect(COLLECTIONS[name].key, name).toEqual(KEYS[name]);
    }
  });

  it('has every key field among the fields', () => {
    for (const name of COLLECTION_NAMES) {
      for (const field of COLLECTIONS[name].key) {
        expect(COLLECTIONS[name].fields, `${name}.${field}`)
          .toHaveProperty(field);
      }
    }
  });

  it('leaves only the ccts and encuestas catalogues unmanaged', () => {
    const unmanaged = COLLECTION_NAMES.filter((n) => !COLLECTIONS[n].managed);
    expect(unmanaged).toEqual(['ccts', 'encuestas']);
  });

  it('gives participantes their fields and types', () => {
    expect(shape('participantes')).toEqual({
      id_externo: 'string', edad: 'integer', sexo: 'string',
      telefono: 'string', curp: 'string', rfc: 'string', nombre: 'string',
      primer_apellido: 'string', segundo_apellido: 'string',
      nombre_completo: 'string', entidad: 'string', estado_civil: 'string',
      lengua_indigena: 'boolean', hablante_maya: 'boolean',
      nivel_educativo: 'string', cct: '->ccts',
    });
  });

  it('gives participaciones their fields and types', () => {
    expect(shape('participaciones')).toEqual({
      participante: '->participantes', implementacion: '->implementaciones',
      puesto: 'string', puesto_detalle: 'string', antiguedad: 'string',
      estudiantes_a_cargo: 'integer', turno: 'string',
      participa_director: 'boolean', cct_verificado: 'boolean',
      obtuvo_constancia: 'boolean', involucramiento: 'string',
      promedio_modulos: 'string',
    });
  });

  it('links implementaciones to every survey, many to many', () => {
    expect(shape('implementaciones')).toEqual({
      nombre: 'string', ciclo_escolar: 'string', periodo: 'string',
      programa: '->programas', encuestas: '=>encuestas',
    });
  });

  it('has no other to-many relation', () => {
    const many = COLLECTION_NAMES.flatMap((name) =>
      Object.entries(COLLECTIONS[name].fields)
        .filter(([, f]) => f.kind === 'relation' && f.many)
        .map(([field]) => `${name}.${field}`));
    expect(many).toEqual(['implementaciones.encuestas']);
  });

  it('gives the secondary records their fields and types', () => {
    expect(shape('modulos')).toEqual({
      nombre: 'string', implementacion: '->implementaciones' });
    expect(shape('asistencias')).toEqual({
      clave_sesion: 'string', modalidad: 'string',
      implementacion: '->implementaciones' });
    expect(shape('trabajos')).toEqual({
      nombre: 'string', implementacion: '->implementaciones' });
    expect(shape('correo-participantes')).toEqual({
      participante: '->participantes', correo: 'string', principal: 'boolean' });
    expect(shape('uso-app-participantes')).toEqual({
      participante: '->participantes', minutos_uso_app: 'integer',
      descargo_app: 'boolean' });
    expect(shape('modulo-progreso-registros')).toEqual({
      participacion: '->participaciones', modulo: '->modulos',
      calificacion: 'decimal' });
    expect(shape('encuesta-completada-registros')).toEqual({
      participacion: '->participaciones', encuesta: '->encuestas',
      estado: 'string' });
    expect(shape('participante-asistencia-registros')).toEqual({
      participacion: '->participaciones', asistencia: '->asistencias',
      presente: 'boolean' });
    expect(shape('trabajo-realizado-registros')).toEqual({
      participacion: '->participaciones', trabajo: '->trabajos',
      completado: 'boolean' });
    expect(shape('programas')).toEqual({ nombre: 'string' });
    expect(shape('ccts')).toEqual({ clave: 'string' });
    expect(shape('encuestas')).toEqual({ clave: 'string' });
  });

  it('knows both survey keys', () => {
    expect(SURVEY_KEYS).toEqual(['encuesta_inicial', 'encuesta_final']);
  });
});

describe('naturalKey', () => {
  it('joins the key values with the unit separator', () => {
    expect(naturalKey('modulos', { nombre: 'mod1', implementacion: 4 }))
      .toBe('mod1\u001f4');
    expect(naturalKey('programas', { nombre: 'Lectura' })).toBe('Lectura');
  });

  it('ignores fields outside the key', () => {
    const a = naturalKey('participantes', { id_externo: 'P-1', edad: 30 });
    const b = naturalKey('participantes', { id_externo: 'P-1', edad: 31 });
    expect(a).toBe(b);
  });

  it('follows the key order, not the order of the fields', () => {
    expect(naturalKey('implementaciones', {
      periodo: 'Otoño', nombre: 'L-A', ciclo_escolar: '2024-2025',
    })).toBe('L-A\u001f2024-2025\u001fOtoño');
  });

  it('tells apart entries differing in one key field', () => {
    const base = { nombre: 'L-A', ciclo_escolar: '2024-2025', periodo: 'A' };
    expect(naturalKey('implementaciones', base)).not.toBe(
      naturalKey('implementaciones', { ...base, periodo: 'B' }));
  });
});

describe('emptyCounts', () => {
  it('has a zero for each of the fifteen collections', () => {
    const counts = emptyCounts();
    expect(Object.keys(counts)).toEqual([...COLLECTION_NAMES]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});
