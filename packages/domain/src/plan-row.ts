import * as v from 'valibot';
import type { ColumnLayout } from './columns.js';
import type { RowIssue } from './issues.js';
import { REQUIRED_COLUMNS } from './columns.js';
import {
  ParticipationRowSchema,
  readValidRow,
  type ParticipationRow,
  type RawRow,
} from './row-schema.js';
import { isNotAvailable, readBoolean, withoutNul } from './values.js';

/** The entries one row asks for, before any id is known. */
export interface RowPlan {
  readonly row: number;
  readonly participantId: string;
  readonly programa: string;
  readonly implementacion: {
    readonly nombre: string;
    readonly ciclo_escolar: string;
    readonly periodo: string;
  };
  /** Participant fields, without the CCT link. */
  readonly participante: Readonly<Record<string, string | number | boolean | null>>;
  /** The CCT code as written, resolved to a link later. */
  readonly cct: string | null;
  readonly participacion: Readonly<Record<string, string | number | boolean | null>>;
  readonly email: string | null;
  readonly app: {
    readonly minutos_uso_app: number | null;
    readonly descargo_app: boolean | null;
  } | null;
  readonly grades: readonly { modulo: string; calificacion: number }[];
  readonly surveys: readonly string[];
  readonly sessions: readonly { clave_sesion: string; modalidad: string | null }[];
  readonly assignments: readonly string[];
}

/** A row's plan, or none when it failed, and its problems. */
export interface PlannedRow {
  readonly plan: RowPlan | undefined;
  readonly issues: RowIssue[];
}

const REQUIRED = new Set<string>(REQUIRED_COLUMNS);

/**
 * Validates one raw row and lists the entries it asks for. A bad optional
 * cell is a warning and reads as empty; a bad required cell fails the row.
 */
export function planRow(row: number, raw: RawRow, layout: ColumnLayout): PlannedRow {
  const participantId = raw.id?.trim() || null;
  const tooLong = overLongCell(row, raw, participantId);
  if (tooLong) return { plan: undefined, issues: [tooLong] };
  const issues: RowIssue[] = [];
  const parsed = parseCells(row, raw, participantId, issues);
  if (!parsed) return { plan: undefined, issues };

  return { plan: buildPlan(row, parsed, raw, layout), issues };
}

/** The most characters a cell may hold; longer ones fail their row. */
export const MAX_CELL_CHARS = 10_000;

function overLongCell(
  row: number,
  raw: RawRow,
  participantId: string | null,
): RowIssue | undefined {
  for (const column in raw) {
    const length = raw[column]!.length;
    if (length <= MAX_CELL_CHARS) continue;
    return {
      row,
      participantId: participantId && participantId.length <= 100 ? participantId : null,
      column,
      value: null,
      severity: 'error',
      reason: `column '${column}' holds ${length} characters; a cell may hold at ` +
        `most ${MAX_CELL_CHARS} (is a quote left open?)`,
    };
  }
  return undefined;
}

function parseCells(
  row: number,
  raw: RawRow,
  participantId: string | null,
  issues: RowIssue[],
): ParticipationRow | undefined {
  const valid = readValidRow(raw);
  if (valid) return valid;

  const first = v.safeParse(ParticipationRowSchema, raw);
  if (first.success) return first.output;

  const cleaned: Record<string, string> = { ...raw };
  let failed = false;
  for (const issue of first.issues) {
    const column = String(issue.path?.[0]?.key ?? '');
    const severity = REQUIRED.has(column) ? 'error' : 'warning';
    failed ||= severity === 'error';
    issues.push({
      row,
      participantId,
      column,
      value: raw[column] ?? null,
      severity,
      reason: describe(column, raw[column], issue.message),
    });
    delete cleaned[column];
  }
  if (failed) return undefined;

  return v.parse(ParticipationRowSchema, cleaned);
}

function describe(
  column: string,
  cell: string | undefined,
  message: string,
): string {
  if (REQUIRED.has(column)) {
    return cell === undefined
      ? `required column '${column}' is missing`
      : `required column '${column}' is empty`;
  }
  return `column '${column}': ${message}`;
}

function buildPlan(
  row: number,
  r: ParticipationRow,
  raw: RawRow,
  layout: ColumnLayout,
): RowPlan {
  return {
    row,
    participantId: r.id,
    programa: r.programa,
    implementacion: {
      nombre: r.implementacion,
      ciclo_escolar: r.ciclo_escolar,
      periodo: r.periodo_de_implementacion,
    },
    participante: {
      id_externo: r.id,
      edad: r.edad ?? null,
      sexo: r.sexo ?? null,
      telefono: r.telefono ?? null,
      curp: r.curp ?? null,
      rfc: r.rfc ?? null,
      nombre: r.nombre ?? null,
      primer_apellido: r.primer_apellido ?? null,
      segundo_apellido: r.segundo_apellido ?? null,
      nombre_completo: r.nombre_completo ?? null,
      entidad: r.entidad ?? null,
      estado_civil: r.estado_civil ?? null,
      lengua_indigena: r.lengua_indigena ?? null,
      hablante_maya: r.hablante_maya ?? null,
      nivel_educativo: r.nivel_educativo ?? null,
    },
    cct: r.cct ?? null,
    participacion: {
      puesto: r.puesto ?? null,
      puesto_detalle: r.puesto_detalle ?? null,
      antiguedad: r.antiguedad ?? null,
      estudiantes_a_cargo: r.estudiantes_a_cargo ?? null,
      turno: r.turno ?? null,
      participa_director: r.participa_director_a ?? null,
      cct_verificado: r.centro_de_trabajo_verificado ?? null,
      obtuvo_constancia: r.constancia ?? null,
      involucramiento: r.involucramiento ?? null,
      promedio_modulos: r.promedio_modulos ?? null,
    },
    email: r.email ?? null,
    app: appUsage(r),
    grades: grades(r, layout),
    surveys: layout.surveys.filter((s) => !isNotAvailable(clean(raw[s]))),
    sessions: layout.sessions
      .filter((s) => present(raw[s.column]))
      .map((s) => ({
        clave_sesion: s.column,
        modalidad: modality(s.modalityColumn && raw[s.modalityColumn]),
      })),
    assignments: layout.assignments.filter((a) => present(raw[a])),
  };
}

function appUsage(r: ParticipationRow): RowPlan['app'] {
  const minutes = r.minutos_app ?? null;
  const downloaded = r.descarga_app ?? null;
  if (minutes === null && downloaded === null) return null;
  return { minutos_uso_app: minutes, descargo_app: downloaded };
}

function grades(r: ParticipationRow, layout: ColumnLayout): RowPlan['grades'] {
  const out: { modulo: string; calificacion: number }[] = [];
  for (const column of layout.grades) {
    const grade = r[column as 'mod1' | 'mod2' | 'mod3'];
    if (typeof grade === 'number') {
      out.push({ modulo: column, calificacion: grade });
    }
  }
  return out;
}

/**
 * A session or assignment cell counts when it holds a value; a recognised
 * "no" (0, No, false) counts as absent.
 */
function present(cell: string | undefined): boolean {
  const raw = clean(cell);
  if (raw === undefined || isNotAvailable(raw)) return false;
  return readBoolean(raw) !== false;
}

function modality(cell: string | undefined): string | null {
  const raw = clean(cell);
  if (raw === undefined || isNotAvailable(raw)) return null;
  return raw.trim();
}

/** A cell the row schema does not read, without NUL characters. */
function clean(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : withoutNul(raw);
}
