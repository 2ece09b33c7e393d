import { describe, expect, it } from 'vitest';
import {
  isAssignmentColumn,
  isSessionColumn,
  layoutColumns,
  missingRequiredColumns,
  REQUIRED_COLUMNS,
} from './columns.js';

const REQUIRED = [...REQUIRED_COLUMNS];

describe('isSessionColumn', () => {
  it('accepts asist_, trip and ses prefixes', () => {
    expect(isSessionColumn('asist_1')).toBe(true);
    expect(isSessionColumn('trip_3')).toBe(true);
    expect(isSessionColumn('tripulacion')).toBe(true);
    expect(isSessionColumn('sesion_2')).toBe(true);
    expect(isSessionColumn('ses4')).toBe(true);
  });

  it('does not take sexo, asistencia totals or other columns', () => {
    expect(isSessionColumn('sexo')).toBe(false);
    expect(isSessionColumn('asistencia')).toBe(false);
    expect(isSessionColumn('asist')).toBe(false);
    expect(isSessionColumn('modalidad_asist_1')).toBe(false);
  });
});

describe('isAssignmentColumn', () => {
  it('accepts trabajo and evidencia prefixes', () => {
    expect(isAssignmentColumn('trabajo_final')).toBe(true);
    expect(isAssignmentColumn('trabajo1')).toBe(true);
    expect(isAssignmentColumn('evidencia_2')).toBe(true);
  });

  it('rejects other columns', () => {
    expect(isAssignmentColumn('centro_de_trabajo_verificado')).toBe(false);
    expect(isAssignmentColumn('mod1')).toBe(false);
  });
});

describe('layoutColumns', () => {
  it('pairs a session with its modalidad_ column', () => {
    const layout = layoutColumns([
      ...REQUIRED, 'asist_1', 'modalidad_asist_1', 'ses_2',
    ]);
    expect(layout.sessions).toEqual([
      { column: 'asist_1', modalityColumn: 'modalidad_asist_1' },
      { column: 'ses_2', modalityColumn: undefined },
    ]);
    expect(layout.ignored).toEqual([]);
  });

  it('finds the modality column wherever it stands', () => {
    const layout = layoutColumns(['modalidad_trip_1', ...REQUIRED, 'trip_1']);
    expect(layout.sessions).toEqual([
      { column: 'trip_1', modalityColumn: 'modalidad_trip_1' },
    ]);
    expect(layout.ignored).toEqual([]);
  });

  it('ignores a modality column without its session', () => {
    const layout = layoutColumns([...REQUIRED, 'modalidad_asist_9']);
    expect(layout.sessions).toEqual([]);
    expect(layout.ignored).toEqual(['modalidad_asist_9']);
  });

  it('keeps sexo a person column, not a session', () => {
    const layout = layoutColumns([...REQUIRED, 'sexo', 'sesion_1']);
    expect(layout.sessions.map((s) => s.column)).toEqual(['sesion_1']);
    expect(layout.ignored).toEqual([]);
  });

  it('lists assignments, grades and surveys in file order', () => {
    const layout = layoutColumns([
      ...REQUIRED, 'evidencia_1', 'mod3', 'trabajo_final', 'mod1',
      'encuesta_final',
    ]);
    expect(layout.assignments).toEqual(['evidencia_1', 'trabajo_final']);
    expect(layout.grades).toEqual(['mod1', 'mod3']);
    expect(layout.surveys).toEqual(['encuesta_final']);
  });

  it('lists columns it does not load as ignored', () => {
    const layout = layoutColumns([
      ...REQUIRED, 'edad', 'comentarios', 'minutos_app', 'puesto',
    ]);
    expect(layout.ignored).toEqual(['comentarios']);
    expect(layout.columns).toEqual([
      ...REQUIRED, 'edad', 'comentarios', 'minutos_app', 'puesto',
    ]);
  });
});

describe('missingRequiredColumns', () => {
  it('names each absent required column in order', () => {
    expect(missingRequiredColumns(['id', 'programa'])).toEqual([
      'implementacion', 'ciclo_escolar', 'periodo_de_implementacion',
    ]);
  });

  it('is empty when all are there', () => {
    expect(missingRequiredColumns([...REQUIRED, 'edad'])).toEqual([]);
  });
});
