import { describe, expect, it } from 'vitest';
import { layoutColumns } from './columns.js';
import { planRow } from './plan-row.js';

const BASE = {
  id: 'P-001',
  programa: 'Lectura en voz alta',
  implementacion: 'Lectura 2024 A',
  ciclo_escolar: '2024-2025',
  periodo_de_implementacion: 'Otoño',
};

/** Plans one row whose columns are exactly the keys of `cells`. */
function plan(cells: Record<string, string>, row = 2) {
  const raw = { ...BASE, ...cells };
  return planRow(row, raw, layoutColumns(Object.keys(raw)));
}

const D = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curp(stem: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += D.indexOf(stem[i]!) * (18 - i);
  return stem + String((10 - (sum % 10)) % 10);
}

describe('planRow: a complete row', () => {
  it('lists every entry the row asks for', () => {
    const valid = curp('GOMA800101HDFRRN0');
    const result = plan({
      edad: ' 41 ', sexo: 'M', telefono: '5512345678',
      curp: valid.toLowerCase(), rfc: 'NA', nombre: 'Ana',
      primer_apellido: 'Gómez', segundo_apellido: '', nombre_completo: 'Ana Gómez',
      entidad: 'CDMX', estado_civil: 'Casada', lengua_indigena: 'No',
      hablante_maya: '0', nivel_educativo: 'Licenciatura', cct: '09DPR0001A',
      email: ' Ana@Example.MX ',
      puesto: 'Docente', puesto_detalle: 'Primaria', antiguedad: '12',
      estudiantes_a_cargo: '1 200', turno: 'Matutino',
      participa_director_a: 'Sí', centro_de_trabajo_verificado: 'x',
      constancia: '1', involucramiento: 'Alto', promedio_modulos: '8.7',
      minutos_app: '95', descarga_app: 'Si',
      mod1: '9,5', mod2: 'NA', mod3: '7',
      encuesta_inicial: 'Sí', encuesta_final: '',
      asist_1: 'x', modalidad_asist_1: ' Presencial ', asist_2: '0',
      ses_3: '1', trabajo_1: 'entregado', evidencia_1: 'No',
    });

    expect(result.issues).toEqual([]);
    expect(result.plan).toEqual({
      row: 2,
      participantId: 'P-001',
      programa: 'Lectura en voz alta',
      implementacion: {
        nombre: 'Lectura 2024 A', ciclo_escolar: '2024-2025', periodo: 'Otoño',
      },
      participante: {
        id_externo: 'P-001', edad: 41, sexo: 'M', telefono: '5512345678',
        curp: valid, rfc: null, nombre: 'Ana', primer_apellido: 'Gómez',
        segundo_apellido: null, nombre_completo: 'Ana Gómez', entidad: 'CDMX',
        estado_civil: 'Casada', lengua_indigena: false, hablante_maya: false,
        nivel_educativo: 'Licenciatura',
      },
      cct: '09DPR0001A',
      participacion: {
        puesto: 'Docente', puesto_detalle: 'Primaria', antiguedad: '12',
        estudiantes_a_cargo: 1200, turno: 'Matutino', participa_director: true,
        cct_verificado: true, obtuvo_constancia: true, involucramiento: 'Alto',
        promedio_modulos: '8.7',
      },
      email: 'ana@example.mx',
      app: { minutos_uso_app: 95, descargo_app: true },
      grades: [
        { modulo: 'mod1', calificacion: 9.5 },
        { modulo: 'mod3', calificacion: 7 },
      ],
      surveys: ['encuesta_inicial'],
      sessions: [
        { clave_sesion: 'asist_1', modalidad: 'Presencial' },
        { clave_sesion: 'ses_3', modalidad: null },
      ],
      assignments: ['trabajo_1'],
    });
  });

  it('trims the required values', () => {
    const result = plan({ id: ' P-9 ', programa: ' Lectura ' });
    expect(result.plan?.participantId).toBe('P-9');
    expect(result.plan?.programa).toBe('Lectura');
  });

  it('reads absent optional columns as null', () => {
    const result = plan({});
    expect(result.issues).toEqual([]);
    expect(result.plan?.participante.edad).toBeNull();
    expect(result.plan?.email).toBeNull();
    expect(result.plan?.cct).toBeNull();
    expect(result.plan?.app).toBeNull();
  });
});

describe('planRow: required columns', () => {
  it('fails the row when a required cell is empty', () => {
    const result = plan({ programa: '  ' }, 7);
    expect(result.plan).toBeUndefined();
    expect(result.issues).toEqual([{
      row: 7, participantId: 'P-001', column: 'programa', value: '  ',
      severity: 'error', reason: "required column 'programa' is empty",
    }]);
  });

  it('fails the row when a required cell is NA', () => {
    const result = plan({ implementacion: 'NA' });
    expect(result.plan).toBeUndefined();
    expect(result.issues).toEqual([{
      row: 2, participantId: 'P-001', column: 'implementacion', value: 'NA',
      severity: 'error', reason: "required column 'implementacion' is empty",
    }]);
  });

  it('fails the row without a participant id, naming none', () => {
    const result = plan({ id: '' });
    expect(result.plan).toBeUndefined();
    expect(result.issues).toEqual([{
      row: 2, participantId: null, column: 'id', value: '',
      severity: 'error', reason: "required column 'id' is empty",
    }]);
  });

  it('says a required column is missing when the row lacks it', () => {
    const raw: Record<string, string> = { ...BASE };
    delete raw.ciclo_escolar;
    const result = planRow(3, raw, layoutColumns(Object.keys(raw)));
    expect(result.plan).toBeUndefined();
    expect(result.issues).toEqual([{
      row: 3, participantId: 'P-001', column: 'ciclo_escolar', value: null,
      severity: 'error', reason: "required column 'ciclo_escolar' is missing",
    }]);
  });

  it('reports bad optional cells too when the row fails', () => {
    const result = plan({ periodo_de_implementacion: '', edad: 'cuarenta' });
    expect(result.plan).toBeUndefined();
    expect(result.issues.map((i) => [i.column, i.severity])).toEqual([
      ['periodo_de_implementacion', 'error'],
      ['edad', 'warning'],
    ]);
  });
});

describe('planRow: bad optional cells', () => {
  it('become warnings with column and value, and read as empty', () => {
    const result = plan({
      edad: 'treinta', curp: 'ABC123', rfc: 'XYZ', email: 'ana@',
      lengua_indigena: 'quizá', estudiantes_a_cargo: '2,5', mod2: 'ocho',
    });
    expect(result.plan).toBeDefined();
    expect(result.issues).toEqual([
      ['edad', 'treinta', "column 'edad': expected a whole number"],
      ['curp', 'ABC123', "column 'curp': expected a CURP of 18 characters " +
        'with a valid check digit'],
      ['rfc', 'XYZ', "column 'rfc': expected an RFC of 12 or 13 characters"],
      ['lengua_indigena', 'quizá', "column 'lengua_indigena': expected " +
        '1/0, Sí/No, true/false or x'],
      ['email', 'ana@', "column 'email': expected an email address"],
      ['estudiantes_a_cargo', '2,5',
        "column 'estudiantes_a_cargo': expected a whole number"],
      ['mod2', 'ocho', "column 'mod2': expected a number"],
    ].map(([column, value, reason]) => ({
      row: 2, participantId: 'P-001', column, value, severity: 'warning',
      reason,
    })));
    const p = result.plan!;
    expect(p.participante.edad).toBeNull();
    expect(p.participante.curp).toBeNull();
    expect(p.participante.rfc).toBeNull();
    expect(p.participante.lengua_indigena).toBeNull();
    expect(p.email).toBeNull();
    expect(p.participacion.estudiantes_a_cargo).toBeNull();
    expect(p.grades).toEqual([]);
  });

  it('keeps a CURP with a separator as a warning, not a tidied value', () => {
    const value = curp('GOMA800101HDFRRN0');
    const written = `${value.slice(0, 10)} ${value.slice(10)}`;
    const result = plan({ curp: written });
    expect(result.issues.map((i) => [i.column, i.value])).toEqual([
      ['curp', written],
    ]);
    expect(result.plan?.participante.curp).toBeNull();
  });
});

describe('planRow: app usage', () => {
  it('is absent when both app cells are empty', () => {
    expect(plan({ minutos_app: 'NA', descarga_app: '' }).plan?.app).toBeNull();
  });

  it('is present when only the minutes have a value, zero included', () => {
    expect(plan({ minutos_app: '0', descarga_app: 'NA' }).plan?.app).toEqual({
      minutos_uso_app: 0, descargo_app: null,
    });
  });

  it('is present when only the download cell has a value, No included', () => {
    expect(plan({ minutos_app: '', descarga_app: 'No' }).plan?.app).toEqual({
      minutos_uso_app: null, descargo_app: false,
    });
  });

  it('is absent when the only app value is unreadable', () => {
    const result = plan({ minutos_app: 'mucho', descarga_app: 'NA' });
    expect(result.plan?.app).toBeNull();
    expect(result.issues.map((i) => i.column)).toEqual(['minutos_app']);
  });
});

describe('planRow: grades', () => {
  it('lists only numeric grades, zero included', () => {
    const result = plan({ mod1: '0', mod2: 'N/A', mod3: ' 8 , 25 ' });
    expect(result.plan?.grades).toEqual([
      { modulo: 'mod1', calificacion: 0 },
      { modulo: 'mod3', calificacion: 8.25 },
    ]);
  });
});

describe('planRow: surveys', () => {
  it('counts any value but not available as completed', () => {
    for (const value of ['Sí', 'x', '2024-05-01', '0', 'No', 'pendiente']) {
      const result = plan({ encuesta_inicial: value, encuesta_final: value });
      expect(result.plan?.surveys, value).toEqual([
        'encuesta_inicial', 'encuesta_final',
      ]);
    }
  });

  it('does not count NA, N/A, n/a or empty', () => {
    for (const value of ['NA', 'N/A', 'n/a', '', '  ']) {
      const result = plan({ encuesta_inicial: value, encuesta_final: value });
      expect(result.plan?.surveys, value).toEqual([]);
    }
  });
});

describe('planRow: sessions and assignments', () => {
  const PRESENT = ['x', 'X', '1', 'Sí', 'true', 'Presente', '2024-03-02'];
  const ABSENT = ['NA', 'N/A', '', ' ', '0', 'No', 'no', 'false'];

  it('counts a session cell with a value as present', () => {
    for (const value of PRESENT) {
      expect(plan({ trip_1: value }).plan?.sessions, value).toEqual([
        { clave_sesion: 'trip_1', modalidad: null },
      ]);
    }
  });

  it('counts NA, empty, 0 and No as absent', () => {
    for (const value of ABSENT) {
      expect(plan({ trip_1: value }).plan?.sessions, value).toEqual([]);
    }
  });

  it('reads the modality, NA as none', () => {
    const result = plan({
      asist_1: 'x', modalidad_asist_1: 'Virtual',
      asist_2: 'x', modalidad_asist_2: 'NA',
      asist_3: '', modalidad_asist_3: 'Presencial',
    });
    expect(result.plan?.sessions).toEqual([
      { clave_sesion: 'asist_1', modalidad: 'Virtual' },
      { clave_sesion: 'asist_2', modalidad: null },
    ]);
  });

  it('drops NUL characters: a NUL alone is empty, a modality keeps no NUL', () => {
    const result = plan({
      asist_1: 'x', modalidad_asist_1: 'Pres\u0000encial',
      asist_2: '\u0000', evidencia_1: '\u0000', encuesta_final: '\u0000',
    });
    expect(result.plan?.surveys).toEqual([]);
    expect(result.plan?.sessions).toEqual([
      { clave_sesion: 'asist_1', modalidad: 'Presencial' },
    ]);
    expect(result.plan?.assignments).toEqual([]);
  });

  it('counts an assignment cell with a value as done', () => {
    for (const value of PRESENT) {
      expect(plan({ evidencia_1: value }).plan?.assignments, value).toEqual([
        'evidencia_1',
      ]);
    }
    for (const value of ABSENT) {
      expect(plan({ evidencia_1: value }).plan?.assignments, value).toEqual([]);
    }
  });

  it('never takes sexo for a session', () => {
    expect(plan({ sexo: 'H' }).plan?.sessions).toEqual([]);
  });
});
