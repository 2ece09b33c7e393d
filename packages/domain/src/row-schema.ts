import * as v from 'valibot';
import {
  booleanCell,
  curpCell,
  decimalCell,
  emailCell,
  integerCell,
  requiredTextCell,
  rfcCell,
  readerOf,
  textCell,
  type CellReader,
} from './values.js';

const optional = <T extends v.GenericSchema<string, unknown>>(schema: T) =>
  v.optional(schema);

/**
 * One participation row after header normalisation, as typed values.
 * Columns absent from the file read as `undefined`; "not available"
 * cells read as `null`.
 */
export const ParticipationRowSchema = v.object({
  id: requiredTextCell,
  programa: requiredTextCell,
  implementacion: requiredTextCell,
  ciclo_escolar: requiredTextCell,
  periodo_de_implementacion: requiredTextCell,

  edad: optional(integerCell),
  sexo: optional(textCell),
  telefono: optional(textCell),
  curp: optional(curpCell),
  rfc: optional(rfcCell),
  nombre: optional(textCell),
  primer_apellido: optional(textCell),
  segundo_apellido: optional(textCell),
  nombre_completo: optional(textCell),
  entidad: optional(textCell),
  estado_civil: optional(textCell),
  lengua_indigena: optional(booleanCell),
  hablante_maya: optional(booleanCell),
  nivel_educativo: optional(textCell),
  cct: optional(textCell),
  email: optional(emailCell),

  puesto: optional(textCell),
  puesto_detalle: optional(textCell),
  antiguedad: optional(textCell),
  estudiantes_a_cargo: optional(integerCell),
  turno: optional(textCell),
  participa_director_a: optional(booleanCell),
  centro_de_trabajo_verificado: optional(booleanCell),
  constancia: optional(booleanCell),
  involucramiento: optional(textCell),
  promedio_modulos: optional(textCell),

  minutos_app: optional(integerCell),
  descarga_app: optional(booleanCell),

  mod1: optional(decimalCell),
  mod2: optional(decimalCell),
  mod3: optional(decimalCell),

  encuesta_inicial: optional(textCell),
  encuesta_final: optional(textCell),
});

/** A participation row's typed values. */
export type ParticipationRow = v.InferOutput<typeof ParticipationRowSchema>;

/** The row's raw cells by normalised column name. */
export type RawRow = Readonly<Record<string, string>>;

interface FastEntry {
  readonly column: string;
  readonly optional: boolean;
  readonly read: CellReader<unknown>;
}

/** The row schema's entries with the reader each cell schema was built from. */
const FAST_ENTRIES: readonly FastEntry[] = Object.entries(
  ParticipationRowSchema.entries,
).map(([column, schema]) => {
  const optional = schema.type === 'optional';
  const cellSchema = optional ? (schema as v.OptionalSchema<v.GenericSchema, undefined>).wrapped : schema;
  const read = readerOf(cellSchema);
  if (!read) throw new TypeError(`column '${column}' has no cell reader`);
  return { column, optional, read };
});

const EMPTY_ROW: Readonly<Record<string, undefined>> = Object.fromEntries(
  FAST_ENTRIES.map((e) => [e.column, undefined]),
);

/**
 * Reads a row in one pass with the readers the schema's cells are built
 * from: the schema's output when every cell reads, `undefined` as soon as
 * one does not (the schema then says which and why). Many rows are valid;
 * this spares them the schema's per-cell bookkeeping.
 */
export function readValidRow(raw: RawRow): ParticipationRow | undefined {
  // Every row starts from one shape, so filling it in stays cheap.
  const row: Record<string, unknown> = { ...EMPTY_ROW };
  for (const { column, optional, read } of FAST_ENTRIES) {
    const text = raw[column];
    if (text === undefined) {
      if (optional) continue;
      return undefined;
    }
    const value = read(text);
    if (value === undefined) return undefined;
    row[column] = value;
  }
  return row as ParticipationRow;
}
