/** Headers of a small but complete participation file, as typed by people. */
export const HEADERS = [
  'ID', 'Nombre', 'Primer apellido', 'CURP', 'Email', 'Edad', 'Programa',
  'Implementación', 'Ciclo escolar', 'Período de implementación', 'CCT',
  'Participa director(a)', 'Minutos app', 'Descarga app', 'Mod1', 'Mod2',
  'Encuesta inicial', 'Encuesta final', 'Asist_Sesion_1',
  'Modalidad_Asist_Sesion_1', 'Asist_Sesion_2', 'Trabajo_1',
];

/** Builds CSV text from rows of cells, quoting where needed. */
export function csvText(
  rows: readonly (readonly string[])[],
  options: { separator?: string; eol?: string } = {},
): string {
  const separator = options.separator ?? ',';
  const eol = options.eol ?? '\n';
  const quote = (cell: string) =>
    /["\r\n]/.test(cell) || cell.includes(separator)
      ? `"${cell.replace(/"/g, '""')}"`
      : cell;
  return rows.map((r) => r.map(quote).join(separator)).join(eol) + eol;
}

/** One row for HEADERS. */
export function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    ID: 'P-1', Nombre: 'Ana', 'Primer apellido': 'Pérez', CURP: 'NA',
    Email: 'ana@example.mx', Edad: '34', Programa: 'Lectura',
    'Implementación': 'Grupo A', 'Ciclo escolar': '2024-2025',
    'Período de implementación': 'Otoño 2024', CCT: '01DJN0002D',
    'Participa director(a)': 'No', 'Minutos app': '120', 'Descarga app': 'Sí',
    Mod1: '8.5', Mod2: 'NA', 'Encuesta inicial': 'Completada',
    'Encuesta final': 'NA', Asist_Sesion_1: '1',
    Modalidad_Asist_Sesion_1: 'Virtual', Asist_Sesion_2: '', Trabajo_1: 'x',
  };
  return HEADERS.map((h) => overrides[h] ?? base[h] ?? '');
}

/** The catalogue used with these rows. */
export const CATALOGUE = 'id,clave\n7,01DJN0002D\n8,02DPR0001A\n';
