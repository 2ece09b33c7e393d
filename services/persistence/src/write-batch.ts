import {
  emptyCounts,
  naturalKey,
  type CollectionName,
  type RowPlan,
} from '@apilados/domain';
import type { RecordStore } from '@apilados/record-store';
import { DraftSet, type WriteFailure } from './draft-set.js';

/** A row ready to write: its plan and its school's catalogue id. */
export interface PlannedWrite {
  readonly plan: RowPlan;
  readonly cctId: number | null;
}

/** What writing a batch did. */
export interface BatchResult {
  readonly created: Record<CollectionName, number>;
  /** Rows that could not be fully written, by row number. */
  readonly failures: Map<number, WriteFailure>;
}

/**
 * Writes a batch of rows level by level (programs and people, then their
 * implementations and participations, then everything hanging off them),
 * asking the store once per collection for the whole batch. A row is
 * written only when every entry it needs is; a row whose entry failed is
 * reported and its dependants are not attempted.
 */
export async function writeBatch(
  store: RecordStore,
  rows: readonly PlannedWrite[],
  surveyIds: ReadonlyMap<string, number>,
): Promise<BatchResult> {
  const created = emptyCounts();
  const failures = new Map<number, WriteFailure>();
  const live = () => rows.filter((r) => !failures.has(r.plan.row));
  const ensure = (set: DraftSet) => set.ensure(store, failures, created);

  const programas = new DraftSet('programas');
  const participantes = new DraftSet('participantes');
  for (const { plan, cctId } of rows) {
    programas.add({ nombre: plan.programa }, plan.row, 'programa');
    participantes.add({ ...plan.participante, cct: cctId }, plan.row, 'id');
  }
  const [programaIds, personIds] = await Promise.all([
    ensure(programas),
    ensure(participantes),
  ]);

  const allSurveys = [...surveyIds.values()].sort((a, b) => a - b);
  const implementaciones = new DraftSet('implementaciones');
  for (const { plan } of live()) {
    const programa = programaIds.get(naturalKey('programas', { nombre: plan.programa }))!;
    implementaciones.add(
      { ...plan.implementacion, programa, encuestas: allSurveys },
      plan.row,
      'implementacion',
    );
  }
  const implementacionIds = await ensure(implementaciones);

  const refs = new Map<number, { participante: number; implementacion: number }>();
  for (const { plan } of live()) {
    refs.set(plan.row, {
      participante: personIds.get(naturalKey('participantes', { id_externo: plan.participantId }))!,
      implementacion: implementacionIds.get(naturalKey('implementaciones', plan.implementacion))!,
    });
  }

  const second = secondLevel(live(), refs);
  const emails = await emailDrafts(store, live(), refs);
  const [participacionIds, moduloIds, asistenciaIds, trabajoIds] = await Promise.all([
    ensure(second.participaciones),
    ensure(second.modulos),
    ensure(second.asistencias),
    ensure(second.trabajos),
    ensure(emails),
    ensure(second.usoApp),
  ]);

  const records = recordDrafts(live(), refs, surveyIds, failures, {
    participacionIds, moduloIds, asistenciaIds, trabajoIds,
  });
  await Promise.all(records.map(ensure));

  return { created, failures };
}

type Refs = Map<number, { participante: number; implementacion: number }>;

function secondLevel(rows: readonly PlannedWrite[], refs: Refs) {
  const participaciones = new DraftSet('participaciones');
  const modulos = new DraftSet('modulos');
  const asistencias = new DraftSet('asistencias');
  const trabajos = new DraftSet('trabajos');
  const usoApp = new DraftSet('uso-app-participantes');

  for (const { plan } of rows) {
    const { participante, implementacion } = refs.get(plan.row)!;
    participaciones.add(
      { participante, implementacion, ...plan.participacion },
      plan.row,
    );
    for (const g of plan.grades) {
      modulos.add({ nombre: g.modulo, implementacion }, plan.row, g.modulo);
    }
    for (const s of plan.sessions) {
      asistencias.add(
        { clave_sesion: s.clave_sesion, modalidad: s.modalidad, implementacion },
        plan.row,
        s.clave_sesion,
      );
    }
    for (const a of plan.assignments) {
      trabajos.add({ nombre: a, implementacion }, plan.row, a);
    }
    if (plan.app) {
      usoApp.add({ participante, ...plan.app }, plan.row, 'minutos_app');
    }
  }
  return { participaciones, modulos, asistencias, trabajos, usoApp };
}

/**
 * Email drafts. A person's first address is principal: the first one in
 * the batch of a person who has none in the store yet.
 */
async function emailDrafts(
  store: RecordStore,
  rows: readonly PlannedWrite[],
  refs: Refs,
): Promise<DraftSet> {
  const emails = new DraftSet('correo-participantes');
  const withEmail = rows.filter((r) => r.plan.email !== null);
  if (withEmail.length === 0) return emails;

  const people = [...new Set(withEmail.map((r) => refs.get(r.plan.row)!.participante))];
  const existing = await store.findBy('correo-participantes', 'participante', people);
  const hasPrincipal = new Set(existing.map((e) => e.fields.participante as number));
  const known = new Set(existing.map((e) => `${e.fields.participante}|${e.fields.correo}`));

  for (const { plan } of withEmail) {
    const participante = refs.get(plan.row)!.participante;
    const correo = plan.email!;
    const isNew = !known.has(`${participante}|${correo}`);
    const principal = isNew && !hasPrincipal.has(participante);
    if (principal) hasPrincipal.add(participante);
    known.add(`${participante}|${correo}`);
    emails.add({ participante, correo, principal }, plan.row, 'email');
  }
  return emails;
}

interface LevelIds {
  readonly participacionIds: Map<string, number>;
  readonly moduloIds: Map<string, number>;
  readonly asistenciaIds: Map<string, number>;
  readonly trabajoIds: Map<string, number>;
}

function recordDrafts(
  rows: readonly PlannedWrite[],
  refs: Refs,
  surveyIds: ReadonlyMap<string, number>,
  failures: Map<number, WriteFailure>,
  ids: LevelIds,
): DraftSet[] {
  const grades = new DraftSet('modulo-progreso-registros');
  const surveys = new DraftSet('encuesta-completada-registros');
  const attendance = new DraftSet('participante-asistencia-registros');
  const work = new DraftSet('trabajo-realizado-registros');

  for (const { plan } of rows) {
    const { participante, implementacion } = refs.get(plan.row)!;
    const participacion = ids.participacionIds.get(
      naturalKey('participaciones', { participante, implementacion }),
    )!;
    for (const g of plan.grades) {
      const modulo = ids.moduloIds.get(naturalKey('modulos', { nombre: g.modulo, implementacion }))!;
      grades.add({ participacion, modulo, calificacion: g.calificacion }, plan.row, g.modulo);
    }
    for (const s of plan.surveys) {
      const encuesta = surveyIds.get(s);
      if (encuesta === undefined) {
        failures.set(plan.row, {
          column: s,
          reason: `survey '${s}' is not in the CMS's encuestas catalogue`,
        });
        continue;
      }
      surveys.add({ participacion, encuesta, estado: 'Completada' }, plan.row, s);
    }
    for (const s of plan.sessions) {
      const asistencia = ids.asistenciaIds.get(
        naturalKey('asistencias', { clave_sesion: s.clave_sesion, implementacion }),
      )!;
      attendance.add({ participacion, asistencia, presente: true }, plan.row, s.clave_sesion);
    }
    for (const a of plan.assignments) {
      const trabajo = ids.trabajoIds.get(naturalKey('trabajos', { nombre: a, implementacion }))!;
      work.add({ participacion, trabajo, completado: true }, plan.row, a);
    }
  }
  return [grades, surveys, attendance, work];
}
