/** The CMS collections the pipeline reads and writes, by plural API id. */
export const COLLECTION_NAMES = [
  'ccts',
  'encuestas',
  'programas',
  'implementaciones',
  'modulos',
  'asistencias',
  'trabajos',
  'participantes',
  'participaciones',
  'correo-participantes',
  'uso-app-participantes',
  'modulo-progreso-registros',
  'encuesta-completada-registros',
  'participante-asistencia-registros',
  'trabajo-realizado-registros',
] as const;

/** A collection's plural API id, e.g. `participaciones`. */
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The type of a plain field as the CMS stores it. */
export type ScalarType = 'string' | 'integer' | 'decimal' | 'boolean';

/** A field: a plain value or a link to another collection's entry. */
export type FieldSpec =
  | { readonly kind: 'scalar'; readonly type: ScalarType }
  | {
      readonly kind: 'relation';
      readonly target: CollectionName;
      readonly many: boolean;
    };

/** What the pipeline knows of one collection. */
export interface CollectionSpec {
  readonly name: CollectionName;
  /** Singular API id, as Strapi names the content type. */
  readonly singular: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Fields whose values together identify an entry. */
  readonly key: readonly string[];
  /** False for catalogues that exist before any load. */
  readonly managed: boolean;
}

/** A plain field's value; relations hold the linked entry's numeric id. */
export type FieldValue = string | number | boolean | null | readonly number[];

/** The fields of one entry, by field name. */
export type Fields = Readonly<Record<string, FieldValue>>;

const str = { kind: 'scalar', type: 'string' } as const;
const int = { kind: 'scalar', type: 'integer' } as const;
const dec = { kind: 'scalar', type: 'decimal' } as const;
const bool = { kind: 'scalar', type: 'boolean' } as const;
const to = (target: CollectionName): FieldSpec => ({
  kind: 'relation',
  target,
  many: false,
});

const specs: readonly CollectionSpec[] = [
  {
    name: 'ccts', singular: 'cct', managed: false,
    fields: { clave: str }, key: ['clave'],
  },
  {
    name: 'encuestas', singular: 'encuesta', managed: false,
    fields: { clave: str }, key: ['clave'],
  },
  {
    name: 'programas', singular: 'programa', managed: true,
    fields: { nombre: str }, key: ['nombre'],
  },
  {
    name: 'implementaciones', singular: 'implementacion', managed: true,
    fields: {
      nombre: str,
      ciclo_escolar: str,
      periodo: str,
      programa: to('programas'),
      encuestas: { kind: 'relation', target: 'encuestas', many: true },
    },
    key: ['nombre', 'ciclo_escolar', 'periodo'],
  },
  {
    name: 'modulos', singular: 'modulo', managed: true,
    fields: { nombre: str, implementacion: to('implementaciones') },
    key: ['nombre', 'implementacion'],
  },
  {
    name: 'asistencias', singular: 'asistencia', managed: true,
    fields: {
      clave_sesion: str,
      modalidad: str,
      implementacion: to('implementaciones'),
    },
    key: ['clave_sesion', 'implementacion'],
  },
  {
    name: 'trabajos', singular: 'trabajo', managed: true,
    fields: { nombre: str, implementacion: to('implementaciones') },
    key: ['nombre', 'implementacion'],
  },
  {
    name: 'participantes', singular: 'participante', managed: true,
    fields: {
      id_externo: str, edad: int, sexo: str, telefono: str, curp: str,
      rfc: str, nombre: str, primer_apellido: str, segundo_apellido: str,
      nombre_completo: str, entidad: str, estado_civil: str,
      lengua_indigena: bool, hablante_maya: bool, nivel_educativo: str,
      cct: to('ccts'),
    },
    key: ['id_externo'],
  },
  {
    name: 'participaciones', singular: 'participacion', managed: true,
    fields: {
      participante: to('participantes'),
      implementacion: to('implementaciones'),
      puesto: str, puesto_detalle: str, antiguedad: str,
      estudiantes_a_cargo: int, turno: str, participa_director: bool,
      cct_verificado: bool, obtuvo_constancia: bool, involucramiento: str,
      promedio_modulos: str,
    },
    key: ['participante', 'implementacion'],
  },
  {
    name: 'correo-participantes', singular: 'correo-participante',
    managed: true,
    fields: { participante: to('participantes'), correo: str, principal: bool },
    key: ['participante', 'correo'],
  },
  {
    name: 'uso-app-participantes', singular: 'uso-app-participante',
    managed: true,
    fields: {
      participante: to('participantes'),
      minutos_uso_app: int,
      descargo_app: bool,
    },
    key: ['participante'],
  },
  {
    name: 'modulo-progreso-registros', singular: 'modulo-progreso-registro',
    managed: true,
    fields: {
      participacion: to('participaciones'),
      modulo: to('modulos'),
      calificacion: dec,
    },
    key: ['participacion', 'modulo'],
  },
  {
    name: 'encuesta-completada-registros',
    singular: 'encuesta-completada-registro',
    managed: true,
    fields: {
      participacion: to('participaciones'),
      encuesta: to('encuestas'),
      estado: str,
    },
    key: ['participacion', 'encuesta'],
  },
  {
    name: 'participante-asistencia-registros',
    singular: 'participante-asistencia-registro',
    managed: true,
    fields: {
      participacion: to('participaciones'),
      asistencia: to('asistencias'),
      presente: bool,
    },
    key: ['participacion', 'asistencia'],
  },
  {
    name: 'trabajo-realizado-registros',
    singular: 'trabajo-realizado-registro',
    managed: true,
    fields: {
      participacion: to('participaciones'),
      trabajo: to('trabajos'),
      completado: bool,
    },
    key: ['participacion', 'trabajo'],
  },
];

/** Every collection's spec, by name. */
export const COLLECTIONS: Readonly<Record<CollectionName, CollectionSpec>> =
  Object.fromEntries(specs.map((s) => [s.name, s])) as Record<
    CollectionName,
    CollectionSpec
  >;

/** The survey keys the `encuestas` catalogue must hold. */
export const SURVEY_KEYS = ['encuesta_inicial', 'encuesta_final'] as const;

const KEY_SEPARATOR = '\u001f';

/**
 * The natural key of an entry as one string, for maps and comparisons:
 * the key fields' values joined by the unit separator (U+001F), which no
 * spreadsheet cell holds.
 *
 * @example naturalKey('modulos', { nombre: 'mod1', implementacion: 4 })
 * // 'mod1\u001f4'
 */
export function naturalKey(collection: CollectionName, fields: Fields): string {
  const key = COLLECTIONS[collection].key;
  if (key.length === 1) return String(fields[key[0]!] ?? '');
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const part = String(fields[key[i]!] ?? '');
    // A value holding the separator itself would blur two keys into one:
    // such keys are spelled as JSON, which never holds a raw U+001F.
    if (part.includes(KEY_SEPARATOR)) {
      return JSON.stringify(key.map((k) => fields[k] ?? null));
    }
    out = i === 0 ? part : out + KEY_SEPARATOR + part;
  }
  return out;
}

/** A zero for every collection, for counting entries created. */
export function emptyCounts(): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 0])) as Record<
    CollectionName,
    number
  >;
}
