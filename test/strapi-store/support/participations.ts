import { HEADERS, csvText, row } from '../../support/csv-text.js';

/** CCT codes the test catalogues hold. */
export const KNOWN_CCTS = ['01DJN0002D', '02DPR0001A', '14EPR0123K', '31DST0044B'];

const NAMES = ['Ana', 'Luis', 'Marta', 'Jorge', 'Rosa', 'Iván', 'Elena', 'Raúl'];
const SURNAMES = ['Pérez', 'López', 'Núñez', 'Ortiz', 'Ramos', 'Vega'];

/**
 * A participation file in the shape the generator writes, small enough for
 * a CMS test: person `n` for each of `people`, with emails, grades,
 * surveys, attendance with modality, assignments and app usage varying by
 * `n` (a session's modality depends on its implementation only, as in
 * real files). Every fourth person also takes part in a second implementation
 * (every eighth with a second email); every seventh has a CCT the
 * catalogue lacks and every eleventh a malformed one. `variant` changes
 * the second email, so a later file can add addresses.
 */
export function participationsCsv(people: readonly number[], variant = 0): string {
  const rows: string[][] = [HEADERS];
  for (const n of people) {
    rows.push(row(cells(n, 'Grupo A', `p${n}@example.mx`)));
    if (n % 4 === 0) {
      const email = n % 8 === 0 ? `p${n}.b${variant}@example.mx` : `p${n}@example.mx`;
      rows.push(row({
        ...cells(n, 'Grupo B', email),
        Programa: 'Matemáticas',
        Modalidad_Asist_Sesion_1: 'Virtual',
      }));
    }
  }
  return csvText(rows);
}

function cells(n: number, implementacion: string, email: string): Record<string, string> {
  return {
    ID: `P-${n}`,
    Nombre: NAMES[n % NAMES.length]!,
    'Primer apellido': SURNAMES[n % SURNAMES.length]!,
    Email: email,
    Edad: n % 9 === 0 ? 'NA' : String(22 + (n % 40)),
    'Implementación': implementacion,
    CCT: cct(n),
    'Participa director(a)': n % 2 === 0 ? 'Sí' : 'No',
    'Minutos app': n % 5 === 0 ? 'NA' : String(n * 15),
    'Descarga app': n % 5 === 0 ? 'NA' : n % 3 === 0 ? 'No' : 'Sí',
    Mod1: (6 + (n % 5) * 0.75).toFixed(2),
    Mod2: n % 3 === 0 ? 'NA' : String(7 + (n % 3)),
    'Encuesta inicial': n % 6 === 0 ? 'NA' : 'Completada',
    'Encuesta final': n % 2 === 0 ? 'Completada' : 'NA',
    Asist_Sesion_1: n % 4 === 3 ? '' : '1',
    Modalidad_Asist_Sesion_1: 'Presencial',
    Asist_Sesion_2: n % 3 === 0 ? 'x' : '',
    Trabajo_1: n % 5 === 1 ? '' : 'x',
  };
}

function cct(n: number): string {
  if (n % 11 === 0) return '1DJN02';
  if (n % 7 === 0) return '09DPR9999Z';
  return KNOWN_CCTS[n % KNOWN_CCTS.length]!;
}

/** The catalogue export for the embedded store, ids starting at 101. */
export function catalogueCsv(): string {
  return 'id,clave\n' + KNOWN_CCTS.map((c, i) => `${101 + i},${c}`).join('\n') + '\n';
}

/** The numbers 1..n. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
