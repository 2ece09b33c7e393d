import type { CollectionName } from '@apilados/domain';

/**
 * Per collection, the key field whose values narrow an existence lookup
 * the most: one `$in` on it returns few entries besides the ones sought,
 * and the rest of the key is matched on the client.
 */
export const LOOKUP_FIELD: Readonly<Record<CollectionName, string>> = {
  ccts: 'clave',
  encuestas: 'clave',
  programas: 'nombre',
  implementaciones: 'nombre',
  modulos: 'implementacion',
  asistencias: 'implementacion',
  trabajos: 'implementacion',
  participantes: 'id_externo',
  participaciones: 'participante',
  'correo-participantes': 'participante',
  'uso-app-participantes': 'participante',
  'modulo-progreso-registros': 'participacion',
  'encuesta-completada-registros': 'participacion',
  'participante-asistencia-registros': 'participacion',
  'trabajo-realizado-registros': 'participacion',
};
