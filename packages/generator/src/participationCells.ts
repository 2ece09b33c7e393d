import {
  spellBoolean,
  spellDate,
  spellInteger,
  notAvailable,
  orMissing,
  presentMark,
} from './cellSpelling.js';
import {
  ASSIGNMENT_HEADERS,
  PARTICIPATION_DETAIL_HEADERS,
} from './headers.js';
import type { Implementation } from './implementations.js';
import { NOT_BOOLEANS, doubledPoint } from './malformations.js';
import type { RowMalformation } from './malformations.js';
import { weightedTable } from './random.js';
import type { Random } from './random.js';

const POSITIONS = weightedTable([
  ['Docente', 70],
  ['Director(a)', 12],
  ['Asesor(a) técnico pedagógico', 6],
  ['Subdirector(a)', 4],
  ['Supervisor(a)', 4],
  ['Docente de apoyo', 4],
]);

const SHIFTS = weightedTable([
  ['Matutino', 55],
  ['Vespertino', 30],
  ['Tiempo completo', 10],
  ['Nocturno', 3],
  ['Discontinuo', 2],
]);

const DONE_MARKS = weightedTable([
  ['1', 30],
  ['x', 20],
  ['Entregado', 20],
  ['Sí', 10],
  ['date', 20],
]);

const column = (name: string) => PARTICIPATION_DETAIL_HEADERS.indexOf(name);
const BOOLEAN_COLUMNS = [
  'Participa director(a)',
  'Centro de trabajo verificado',
  'Constancia',
  'Descarga app',
].map(column);
const GRADE_COLUMNS = ['Mod1', 'Mod2', 'Mod3'].map(column);

function positionDetail(random: Random, position: string): string {
  const grade = random.int(1, 5);
  let detail: string;
  if (/^(Director|Subdirector)/.test(position)) {
    detail = random.pick(
      ['Con grupo', 'Sin grupo', 'Escuela de organización completa']);
  } else if (/^(Supervisor|Asesor)/.test(position)) {
    detail = `Zona escolar ${random.int(1, 120)}`;
  } else {
    detail = random.pick([
      `Docente frente a grupo de ${grade}° grado`,
      `Docente multigrado: ${grade}°, ${grade + 1}° y ${grade + 2}°`,
      'Educación física',
      'Inglés, primaria',
      `Grupo ${grade}° "B"`,
      'Educación especial (USAER)',
    ]);
  }
  return random.chance(0.01) ? `${detail}\nComisionado(a)` : detail;
}

function seniority(random: Random, age: number): string {
  const years = random.int(0, Math.max(0, age - 22));
  if (years === 0) return 'Menos de 1 año';
  const roll = random.next();
  if (roll < 0.4) return `${years} años`;
  if (roll < 0.55) return `${years} años ${random.int(1, 11)} meses`;
  return String(years);
}

function studentCount(random: Random, position: string): number {
  if (position.startsWith('Director')) return random.int(80, 1200);
  if (position.startsWith('Subdirector')) return random.int(80, 900);
  if (position === 'Docente') return random.int(12, 45);
  if (position === 'Docente de apoyo') return random.int(5, 30);
  return 0;
}

function completed(random: Random, months: Implementation['months']) {
  return random.chance(0.6) ? 'Completada' : spellDate(random, months);
}

function doneMark(random: Random, months: Implementation['months']) {
  const mark = random.weighted(DONE_MARKS);
  return mark === 'date' ? spellDate(random, months) : mark;
}

/**
 * The participation cells of one row, in `PARTICIPATION_DETAIL_HEADERS`
 * order followed by attendance (each with its modality) and assignments.
 * One engagement level drives attendance, grades, app use and the
 * certificate, so the columns agree with each other.
 */
export function participationCells(
  random: Random,
  implementation: Implementation,
  age: number,
  notAvailableRate: number,
  malformation: RowMalformation | undefined,
): string[] {
  const missing = (value: string) => orMissing(random, notAvailableRate, value);
  const { months, modalities } = implementation;
  const engagement = random.next();
  const position = random.weighted(POSITIONS);

  const attendance: string[] = [];
  let attended = 0;
  for (const modality of modalities) {
    const present = random.chance(0.3 + 0.65 * engagement);
    if (present) attended += 1;
    attendance.push(
      present ? presentMark(random, months) : notAvailable(random), modality);
  }

  const grades: (number | undefined)[] = [];
  let gradeSum = 0;
  let graded = 0;
  for (let i = 0; i < GRADE_COLUMNS.length; i += 1) {
    if (!random.chance(0.5 + 0.45 * engagement)) {
      grades.push(undefined);
      continue;
    }
    const noise = (random.next() - 0.5) * 3;
    const grade = Math.min(10, Math.max(0, 4 + 5.5 * engagement + noise));
    grades.push(grade);
    gradeSum += grade;
    graded += 1;
  }
  const average = graded === 0 ? undefined : gradeSum / graded;
  const certified =
    (attended >= 3 && (average ?? 0) >= 7) !== random.chance(0.03);

  const appKnown = random.chance(0.92);
  const downloaded = random.chance(0.35 + 0.55 * engagement);
  const minutes = downloaded ? random.int(5, 2400) : 0;
  const directs = position.startsWith('Director') || random.chance(0.35);

  const cells = [
    implementation.programa,
    implementation.nombre,
    implementation.cicloEscolar,
    implementation.periodo,
    missing(position),
    missing(positionDetail(random, position)),
    missing(seniority(random, age)),
    missing(spellInteger(random, studentCount(random, position))),
    missing(random.weighted(SHIFTS)),
    missing(spellBoolean(random, directs)),
    missing(spellBoolean(random, random.chance(0.85))),
    missing(spellBoolean(random, certified)),
    missing(engagement > 0.66 ? 'Alto' : engagement > 0.33 ? 'Medio' : 'Bajo'),
    average === undefined ? notAvailable(random) : average.toFixed(1),
    appKnown ? spellInteger(random, minutes) : notAvailable(random),
    appKnown ? spellBoolean(random, downloaded) : notAvailable(random),
  ];
  for (const grade of grades) {
    cells.push(grade === undefined ? notAvailable(random) : grade.toFixed(1));
  }
  cells.push(
    random.chance(0.85) ? completed(random, months) : notAvailable(random),
    random.chance(0.3 + 0.6 * engagement)
      ? completed(random, months)
      : notAvailable(random),
    ...attendance,
  );
  for (let i = 0; i < ASSIGNMENT_HEADERS.length; i += 1) {
    const done = random.chance(0.25 + 0.7 * engagement);
    cells.push(done ? doneMark(random, months) : notAvailable(random));
  }

  plantRowMalformation(random, cells, grades, malformation);
  return cells;
}

function plantRowMalformation(
  random: Random,
  cells: string[],
  grades: readonly (number | undefined)[],
  malformation: RowMalformation | undefined,
): void {
  if (malformation === 'booleanMalformed') {
    cells[random.pick(BOOLEAN_COLUMNS)] = random.pick(NOT_BOOLEANS);
  }
  if (malformation === 'gradeMalformed') {
    const slot = random.int(0, GRADE_COLUMNS.length - 1);
    const grade = grades[slot] ?? random.int(50, 100) / 10;
    cells[GRADE_COLUMNS[slot] ?? 0] = doubledPoint(grade.toFixed(1));
  }
}
