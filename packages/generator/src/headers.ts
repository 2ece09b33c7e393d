/** Attendance columns: four sessions and one field trip. */
export const ATTENDANCE_HEADERS: readonly string[] = [
  'Asist_Sesion_1',
  'Asist_Sesion_2',
  'Asist_Sesion_3',
  'Asist_Sesion_4',
  'Trip_1',
];

/** Assignment columns. */
export const ASSIGNMENT_HEADERS: readonly string[] = [
  'Trabajo_1',
  'Trabajo_2',
  'Evidencia_final',
];

/** Columns describing the person, in file order (`Email` closes them). */
export const PERSON_HEADERS: readonly string[] = [
  'ID', 'Edad', 'Sexo', 'Teléfono', 'CURP', 'RFC', 'Nombre',
  'Primer apellido', 'Segundo apellido', 'Nombre completo', 'Entidad',
  'Estado civil', 'Lengua indígena', 'Hablante maya', 'Nivel educativo',
  'CCT', 'Email',
];

/** Columns describing the participation, in file order. */
export const PARTICIPATION_DETAIL_HEADERS: readonly string[] = [
  'Programa', 'Implementación', 'Ciclo escolar', 'Período de implementación',
  'Puesto', 'Puesto detalle', 'Antigüedad', 'Estudiantes a cargo', 'Turno',
  'Participa director(a)', 'Centro de trabajo verificado', 'Constancia',
  'Involucramiento', 'Promedio módulos', 'Minutos app', 'Descarga app',
  'Mod1', 'Mod2', 'Mod3', 'Encuesta inicial', 'Encuesta final',
];

/**
 * The header row of a generated participation file, spelled as staff type
 * it in a spreadsheet; each attendance column is followed by its
 * `Modalidad_` column.
 */
export const PARTICIPATION_HEADERS: readonly string[] = [
  ...PERSON_HEADERS,
  ...PARTICIPATION_DETAIL_HEADERS,
  ...ATTENDANCE_HEADERS.flatMap((name) => [name, `Modalidad_${name}`]),
  ...ASSIGNMENT_HEADERS,
];
