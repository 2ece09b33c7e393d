

/** Columns every file must have, after normalisation. */
export const REQUIRED_COLUMNS = [
  'id',
  'programa',
  'implementacion',
  'ciclo_escolar',
  'periodo_de_implementacion',
] as const;

/** The person's columns, in the CMS's order. */
export const PERSON_COLUMNS = [
  'id', 'edad', 'sexo', 'telefono', 'curp', 'rfc', 'nombre',
  'primer_apellido', 'segundo_apellido', 'nombre_completo', 'entidad',
  'estado_civil', 'lengua_indigena', 'hablante_maya', 'nivel_educativo',
  'cct', 'email',
] as const;

/** Columns that describe the participation itself. */
export const PARTICIPATION_COLUMNS = [
  'puesto', 'puesto_detalle', 'antiguedad', 'estudiantes_a_cargo', 'turno',
  'participa_director_a', 'centro_de_trabajo_verificado', 'constancia',
  'involucramiento', 'promedio_modulos',
] as const;

/** Module grade columns; each names a `modulos` entry. */
export const GRADE_COLUMNS = ['mod1', 'mod2', 'mod3'] as const;

/** Survey columns; each names an `encuestas` entry. */
export const SURVEY_COLUMNS = ['encuesta_inicial', 'encuesta_final'] as const;

/** App usage columns. */
export const APP_COLUMNS = ['minutos_app', 'descarga_app'] as const;

const IMPLEMENTATION_COLUMNS = REQUIRED_COLUMNS.slice(1);

const FIXED_COLUMNS = new Set<string>([
  ...PERSON_COLUMNS,
  ...IMPLEMENTATION_COLUMNS,
  ...PARTICIPATION_COLUMNS,
  ...GRADE_COLUMNS,
  ...SURVEY_COLUMNS,
  ...APP_COLUMNS,
]);

/** An attendance column and the column giving its modality, if any. */
export interface SessionColumn {
  readonly column: string;
  readonly modalityColumn: string | undefined;
}

/** What each column of a file is for. */
export interface ColumnLayout {
  readonly columns: readonly string[];
  readonly sessions: readonly SessionColumn[];
  readonly assignments: readonly string[];
  readonly grades: readonly string[];
  readonly surveys: readonly string[];
  /** Columns the pipeline does not load. */
  readonly ignored: readonly string[];
}

/** True for attendance columns: `asist_…`, `trip…` or `ses…`. */
export function isSessionColumn(column: string): boolean {
  return /^(asist_|trip|ses)/.test(column);
}

/** True for assignment columns: `trabajo…` or `evidencia…`. */
export function isAssignmentColumn(column: string): boolean {
  return /^(trabajo|evidencia)/.test(column);
}

/**
 * Sorts a file's normalised columns by purpose.
 *
 * @example layoutColumns(['id', 'asist_1', 'modalidad_asist_1']).sessions
 * // [{ column: 'asist_1', modalityColumn: 'modalidad_asist_1' }]
 */
export function layoutColumns(columns: readonly string[]): ColumnLayout {
  const present = new Set(columns);
  const sessions: SessionColumn[] = [];
  const assignments: string[] = [];
  const ignored: string[] = [];

  for (const column of columns) {
    if (FIXED_COLUMNS.has(column)) continue;
    if (isSessionColumn(column)) {
      const modality = `modalidad_${column}`;
      sessions.push({
        column,
        modalityColumn: present.has(modality) ? modality : undefined,
      });
    } else if (isAssignmentColumn(column)) {
      assignments.push(column);
    } else if (!isModalityOfSession(column, present)) {
      ignored.push(column);
    }
  }

  return {
    columns,
    sessions,
    assignments,
    grades: GRADE_COLUMNS.filter((c) => present.has(c)),
    surveys: SURVEY_COLUMNS.filter((c) => present.has(c)),
    ignored,
  };
}

function isModalityOfSession(column: string, present: Set<string>): boolean {
  if (!column.startsWith('modalidad_')) return false;
  const session = column.slice('modalidad_'.length);
  return isSessionColumn(session) && present.has(session);
}

/** Required columns missing from a file's normalised columns. */
export function missingRequiredColumns(columns: readonly string[]): string[] {
  const present = new Set(columns);
  return REQUIRED_COLUMNS.filter((c) => !present.has(c));
}

