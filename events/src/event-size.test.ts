import { COLLECTION_NAMES } from '@apilados/domain';
import { describe, expect, it } from 'vitest';
import { EVENTS } from './catalogue.js';
import { createEvent, type DomainEvent } from './define-event.js';
import { ChunkEnriched } from './definitions/chunk-enriched.js';
import { ChunkPersisted } from './definitions/chunk-persisted.js';
import { ChunkReady } from './definitions/chunk-ready.js';
import { FileAccepted } from './definitions/file-accepted.js';
import { FileCompleted } from './definitions/file-completed.js';
import { FileRejected } from './definitions/file-rejected.js';
import { HealthReported } from './definitions/health-reported.js';
import { keys } from './payloads.js';

/** EventBridge refuses an entry over 256 KB. */
const EVENTBRIDGE_LIMIT = 256 * 1024;
/** What "far below" means here: a sixteenth of the limit. */
const BUDGET = EVENTBRIDGE_LIMIT / 16;

const fileId =
  'uploads-2025-03-participaciones-programa-lectura-ciclo-2024-2025.csv-1f3a9c';
const file = {
  bucket: 'apilados-production-data-123456789012',
  key: 'uploads/2025/03/participaciones programa lectura ciclo 2024-2025.csv',
  name: 'participaciones programa lectura ciclo 2024-2025.csv',
  size: 2_000_000_000,
};
const at = '2025-03-14T10:21:33.123Z';
const rows = { read: 250_000, loaded: 249_000, failed: 1000, warnings: 12_000 };
const created = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 250_000]));

// A wide real file: the known columns plus 60 sessions with modality
// and 40 assignments, i.e. 190 columns.
const columns = [
  'id', 'edad', 'sexo', 'telefono', 'curp', 'rfc', 'nombre', 'primer_apellido',
  'segundo_apellido', 'nombre_completo', 'entidad', 'estado_civil',
  'lengua_indigena', 'hablante_maya', 'nivel_educativo', 'cct', 'email',
  'programa', 'implementacion', 'ciclo_escolar', 'periodo_de_implementacion',
  'puesto', 'puesto_detalle', 'antiguedad', 'estudiantes_a_cargo', 'turno',
  'participa_director_a', 'centro_de_trabajo_verificado', 'constancia',
  'involucramiento', 'promedio_modulos', 'minutos_app', 'descarga_app',
  'mod1', 'mod2', 'mod3', 'encuesta_inicial', 'encuesta_final',
  ...Array.from({ length: 60 }, (_, i) => [
    `asist_sesion_${i + 1}_acompanamiento`,
    `modalidad_asist_sesion_${i + 1}_acompanamiento`,
  ]).flat(),
  ...Array.from({ length: 40 }, (_, i) => `trabajo_evidencia_final_${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `comentarios_del_acompanante_${i + 1}`),
];

const realistic: Record<string, DomainEvent> = {
  'File Accepted': createEvent(FileAccepted, {
    fileId, file, encoding: 'windows-1252', separator: ';',
    columnCount: columns.length, columns: columns.slice(0, 200),
    ignoredColumns: columns.slice(-12), chunkSize: 1000, dryRun: false,
    acceptedAt: at,
  }),
  'File Rejected': createEvent(FileRejected, {
    fileId, file, code: 'duplicate-columns',
    reason: `${file.name}: has duplicate columns: ` + Array.from({ length: 30 },
      (_, i) => `'Asistencia sesión ${i}' (column ${i + 40}) and ` +
        `'asistencia_sesion_${i}' (column ${i + 90}) both read as ` +
        `'asistencia_sesion_${i}'`).join('; '),
    rejectedAt: at,
  }),
  'Chunk Ready': createEvent(ChunkReady, {
    fileId, chunk: 250, rowsKey: keys.chunk(fileId, 250), schoolsKey: keys.schools(fileId, 250), rowCount: 1000,
    firstRow: 249_002, lastRow: 250_001, dryRun: false,
  }),
  'Chunk Enriched': createEvent(ChunkEnriched, {
    fileId, chunk: 250, rowsKey: keys.chunk(fileId, 250),
    lookupKey: keys.lookup(fileId, 250), rowCount: 1000, dryRun: false,
    cct: { mode: 'preloaded', resolved: 990, unknown: 7, malformed: 3 },
  }),
  'Chunk Persisted': createEvent(ChunkPersisted, {
    fileId, chunk: 250, outcomesKey: keys.outcomes(fileId, 250),
    rows: { read: 1000, loaded: 990, failed: 10, warnings: 40 },
    created: Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 1000])) as
      typeof created & Record<(typeof COLLECTION_NAMES)[number], number>,
    storeRequests: 12_000, durationMs: 45_000,
  }),
  'File Completed': createEvent(FileCompleted, {
    fileId, file, chunks: 250, rows,
    created: created as Record<(typeof COLLECTION_NAMES)[number], number>,
    reportKey: keys.report(fileId), problems: 13_000, dryRun: false,
    startedAt: at, completedAt: at,
  }),
  'Health Reported': createEvent(HealthReported, {
    environment: 'production', status: 'warning',
    checks: Array.from({ length: 12 }, (_, i) => ({
      name: `check-${i}-strapi-api-connectivity`, status: 'warning' as const,
      message: 'CMS answered in 2350 ms, over the 2000 ms warning level; ' +
        'memory at 72 % of 1024 MB; catalogue of 312000 CCTs loaded. '.repeat(2),
      durationMs: 2350.5,
    })),
    checkedAt: at,
  }),
};

const size = (event: DomainEvent) => Buffer.byteLength(JSON.stringify(event));

describe('event size', () => {
  it('covers every event of the catalogue', () => {
    expect(Object.keys(realistic).sort()).toEqual(
      EVENTS.map((d) => d.detailType).sort());
  });

  it.each(Object.entries(realistic))(
    '%s stays far below the EventBridge limit',
    (_name, event) => {
      expect(size(event)).toBeLessThan(BUDGET);
    },
  );

  it('carries no row data: a chunk event is the same size for any rows', () => {
    expect(size(realistic['Chunk Ready']!)).toBeLessThan(1024);
    expect(size(realistic['Chunk Enriched']!)).toBeLessThan(1024);
  });
});
