import type { YearMonth } from './cellSpelling.js';
import { ATTENDANCE_HEADERS } from './headers.js';
import type { Random } from './random.js';

/** One run of a program: the four required implementation columns. */
export interface Implementation {
  readonly programa: string;
  readonly nombre: string;
  readonly cicloEscolar: string;
  readonly periodo: string;
  /** Months the implementation runs in, for dates in its cells. */
  readonly months: readonly YearMonth[];
  /** Modality of each attendance column, in `ATTENDANCE_HEADERS` order. */
  readonly modalities: readonly string[];
}

const PROGRAMS: readonly string[] = [
  'Leer para Aprender',
  'Matemáticas en Acción',
  'Liderazgo Escolar',
  'Aula Digital',
  'Convivencia Escolar',
  'Ciencia Cotidiana',
];

const SITES: readonly string[] = [
  'Mérida Norte', 'Mérida Sur', 'Valladolid', 'Tizimín', 'Progreso',
  'Campeche Centro', 'Chetumal', 'Cancún', 'Oaxaca Valles', 'Puebla Sierra',
  'Toluca', 'Iztapalapa', 'Monterrey Poniente', 'Zapopan', 'León',
  'San Cristóbal',
];

interface Period {
  readonly periodo: string;
  readonly cicloEscolar: string;
  readonly months: readonly YearMonth[];
}

const months = (year: number, from: number, to: number): YearMonth[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year, month: from + i }));

const periodOf = (
  periodo: string,
  cicloEscolar: string,
  runs: YearMonth[],
): Period => ({ periodo, cicloEscolar, months: runs });

const PERIODS: readonly Period[] = [
  periodOf('Otoño 2023', '2023-2024', months(2023, 9, 12)),
  periodOf('Primavera 2024', '2023-2024', months(2024, 2, 5)),
  periodOf('Otoño 2024', '2024-2025', months(2024, 9, 12)),
  periodOf('Primavera 2025', '2024-2025', months(2025, 2, 5)),
  periodOf('Verano 2025', '2024-2025', months(2025, 6, 8)),
];

/**
 * Three or four programs with two or three implementations each. Every
 * implementation has its own site name, so no two share a name.
 */
export function buildImplementations(random: Random): Implementation[] {
  const programs = random.shuffle([...PROGRAMS]).slice(0, random.int(3, 4));
  const sites = random.shuffle([...SITES]);

  return programs.flatMap((programa) => {
    const count = random.int(2, 3);
    return Array.from({ length: count }, () => {
      const period = random.pick(PERIODS);
      return {
        programa,
        nombre: sites.pop() ?? programa,
        cicloEscolar: period.cicloEscolar,
        periodo: period.periodo,
        months: period.months,
        modalities: ATTENDANCE_HEADERS.map((column) =>
          column.startsWith('Trip') || random.chance(0.6)
            ? 'Presencial'
            : 'Virtual',
        ),
      };
    });
  });
}
