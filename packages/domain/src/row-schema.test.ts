import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ParticipationRowSchema, readValidRow } from './row-schema.js';

/** Cells of every kind the schema reads: valid, not available and bad. */
const CELLS = [
  '', ' ', 'NA', 'n/a', 'N/A', '12', ' 1,250 ', '8,5', '-3', '4.7', 'abc',
  'Sí', 'si', 'No', 'x', '0', 'true', 'maybe', 'AAOE830120MGRRLL05',
  'aaoe830120mgrrll05', 'AAOE830120MGRRLL04', 'AAOE830120535', 'AAOE8301205',
  'ana@example.org', ' ANA@Example.org ', 'ana@', 'Docente\u0000', '\u0000',
  '  León  ', '=1+1', 'ÑANDÚ',
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A row every cell of which is valid. */
const BASE: Record<string, string> = {
  id: '100992', programa: 'Aula Digital', implementacion: 'León',
  ciclo_escolar: '2023-2024', periodo_de_implementacion: 'Primavera 2024',
  edad: '41', sexo: 'M', telefono: '6124673263', curp: 'AAOE830120MGRRLL05',
  rfc: 'AAOE830120535', nombre: 'Ana', primer_apellido: 'Ruiz',
  segundo_apellido: 'NA', nombre_completo: 'ANA RUIZ', entidad: 'Sonora',
  estado_civil: 'Casada', lengua_indigena: 'No', hablante_maya: 'n/a',
  nivel_educativo: 'Licenciatura', cct: '26DPR2356Z', email: 'ana@example.org',
  puesto: 'Docente', puesto_detalle: 'Multigrado: 2°, 3°', antiguedad: '13 años',
  estudiantes_a_cargo: '25', turno: 'Matutino', participa_director_a: 'x',
  centro_de_trabajo_verificado: 'Si', constancia: 'false', involucramiento: 'Bajo',
  promedio_modulos: '4.7', minutos_app: '1,188', descarga_app: '1', mod1: 'NA',
  mod2: '4,7', mod3: '', encuesta_inicial: 'Completada', encuesta_final: 'NA',
};

/**
 * Rows made from BASE with up to four cells replaced by CELLS or left out,
 * so that some stay valid and others fail in every column.
 */
function rows(count: number, seed: number): Record<string, string>[] {
  const next = random(seed);
  const columns = Object.keys(BASE);
  return Array.from({ length: count }, () => {
    const row = { ...BASE };
    const changes = Math.floor(next() * 5);
    for (let i = 0; i < changes; i++) {
      const column = columns[Math.floor(next() * columns.length)]!;
      if (next() < 0.1) delete row[column];
      else row[column] = CELLS[Math.floor(next() * CELLS.length)]!;
    }
    return row;
  });
}

describe('readValidRow', () => {
  it('reads exactly what the schema reads whenever every cell is valid', () => {
    let valid = 0;
    let invalid = 0;
    for (const raw of rows(20_000, 7)) {
      const fast = readValidRow(raw);
      const schema = v.safeParse(ParticipationRowSchema, raw);
      expect(fast === undefined, JSON.stringify(raw)).toBe(!schema.success);
      if (schema.success) {
        // Columns a row lacks may read as undefined rather than be absent.
        expect(fast).toEqual(schema.output);
        valid++;
      } else {
        invalid++;
      }
    }
    // The sample must hold both kinds, or the comparison proves nothing.
    expect(valid).toBeGreaterThan(2_000);
    expect(invalid).toBeGreaterThan(2_000);
  });

  it('reads a typical valid row to typed values', () => {
    const row = readValidRow({
      id: ' 42 ', programa: 'Aula', implementacion: 'León',
      ciclo_escolar: '2023-2024', periodo_de_implementacion: 'Primavera',
      edad: ' 1,250 ', mod1: '8,333', constancia: 'Sí', email: ' A@B.MX ',
      sexo: 'NA',
    });
    expect(row).toEqual({
      id: '42', programa: 'Aula', implementacion: 'León',
      ciclo_escolar: '2023-2024', periodo_de_implementacion: 'Primavera',
      edad: 1250, mod1: 8.333, constancia: true, email: 'a@b.mx', sexo: null,
    });
  });

  it('gives up on a row whose required column is missing', () => {
    expect(readValidRow({ id: '1', programa: 'Aula' })).toBeUndefined();
  });
});
