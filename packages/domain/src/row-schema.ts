import * as v from 'valibot';
import {
  booleanCell,
  curpCell,
  decimalCell,
  emailCell,
  integerCell,
  requiredTextCell,
  rfcCell,
  textCell,
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
