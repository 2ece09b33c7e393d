import Database from 'better-sqlite3';
import { COLLECTION_NAMES, COLLECTIONS } from '@apilados/domain';
import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  joinTableOf,
  manyFieldsOf,
  schemaSql,
  tableOf,
} from './sqlite-schema.js';

describe('sqlite schema names', () => {
  it('names a table after its collection, dashes as underscores', () => {
    expect(tableOf('correo-participantes')).toBe('correo_participantes');
    expect(tableOf('programas')).toBe('programas');
  });

  it('names a join table after its owner and field', () => {
    expect(joinTableOf('implementaciones', 'encuestas')).toBe(
      'implementaciones__encuestas');
  });

  it('keeps to-many fields out of the table columns', () => {
    const spec = COLLECTIONS.implementaciones;
    expect(columnsOf(spec)).toEqual([
      'nombre', 'ciclo_escolar', 'periodo', 'programa',
    ]);
    expect(manyFieldsOf(spec)).toEqual(['encuestas']);
  });
});

describe('schemaSql', () => {
  it('creates one table per collection and one join table', () => {
    const db = new Database(':memory:');
    db.exec(schemaSql());
    const tables = (db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      [...COLLECTION_NAMES.map(tableOf), 'implementaciones__encuestas'].sort());
    db.close();
  });

  it('makes each natural key unique', () => {
    const sql = schemaSql();
    expect(sql).toContain('UNIQUE ("nombre", "ciclo_escolar", "periodo")');
    expect(sql).toContain('UNIQUE ("participacion", "asistencia")');
  });

  it('can run twice on the same database', () => {
    const db = new Database(':memory:');
    db.exec(schemaSql());
    expect(() => db.exec(schemaSql())).not.toThrow();
    db.close();
  });
});
