import {
  APP_COLUMNS,
  GRADE_COLUMNS,
  PARTICIPATION_COLUMNS,
  PERSON_COLUMNS,
  REQUIRED_COLUMNS,
  SURVEY_COLUMNS,
  layoutColumns,
  normaliseHeader,
} from '@apilados/domain';
import { describe, expect, it } from 'vitest';
import { PARTICIPATION_HEADERS } from './headers.js';

describe('PARTICIPATION_HEADERS', () => {
  const normalised = PARTICIPATION_HEADERS.map(normaliseHeader);

  it('is the header row of a generated file', () => {
    expect(PARTICIPATION_HEADERS.join(',')).toBe(
      'ID,Edad,Sexo,Teléfono,CURP,RFC,Nombre,Primer apellido,' +
      'Segundo apellido,Nombre completo,Entidad,Estado civil,' +
      'Lengua indígena,Hablante maya,Nivel educativo,CCT,Email,Programa,' +
      'Implementación,Ciclo escolar,Período de implementación,Puesto,' +
      'Puesto detalle,Antigüedad,Estudiantes a cargo,Turno,' +
      'Participa director(a),Centro de trabajo verificado,Constancia,' +
      'Involucramiento,Promedio módulos,Minutos app,Descarga app,Mod1,Mod2,' +
      'Mod3,Encuesta inicial,Encuesta final,Asist_Sesion_1,' +
      'Modalidad_Asist_Sesion_1,Asist_Sesion_2,Modalidad_Asist_Sesion_2,' +
      'Asist_Sesion_3,Modalidad_Asist_Sesion_3,Asist_Sesion_4,' +
      'Modalidad_Asist_Sesion_4,Trip_1,Modalidad_Trip_1,Trabajo_1,' +
      'Trabajo_2,Evidencia_final',
    );
  });

  it('normalises the spreadsheet spellings to the domain names', () => {
    const pick = (header: string) =>
      normalised[PARTICIPATION_HEADERS.indexOf(header)];
    expect([
      pick('Teléfono'),
      pick('Período de implementación'),
      pick('Participa director(a)'),
      pick('Modalidad_Asist_Sesion_1'),
    ]).toEqual([
      'telefono',
      'periodo_de_implementacion',
      'participa_director_a',
      'modalidad_asist_sesion_1',
    ]);
  });

  it('normalises every header to a column the pipeline reads', () => {
    const layout = layoutColumns(normalised);
    expect(layout.ignored).toEqual([]);
    expect(layout.sessions).toEqual([
      'asist_sesion_1', 'asist_sesion_2', 'asist_sesion_3', 'asist_sesion_4',
      'trip_1',
    ].map((column) => ({ column, modalityColumn: `modalidad_${column}` })));
    expect(layout.assignments).toEqual([
      'trabajo_1', 'trabajo_2', 'evidencia_final',
    ]);
  });

  it('holds every fixed domain column', () => {
    const fixed = [
      ...REQUIRED_COLUMNS, ...PERSON_COLUMNS, ...PARTICIPATION_COLUMNS,
      ...GRADE_COLUMNS, ...SURVEY_COLUMNS, ...APP_COLUMNS,
    ];
    expect(fixed.filter((column) => !normalised.includes(column)))
      .toEqual([]);
  });

  it('normalises to distinct names', () => {
    expect(new Set(normalised).size).toBe(PARTICIPATION_HEADERS.length);
  });
});
