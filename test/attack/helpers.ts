// Helpers for the hostile-input tests in this folder: run the CLI on a file
// in a temporary folder and read the embedded store it wrote.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, type CliRun } from '../support/cli.js';

/** A base header with the five required columns and a few optional ones. */
export const HEADER =
  'id,nombre,edad,email,cct,programa,implementacion,ciclo_escolar,periodo_de_implementacion,mod1,asist_1';

/** One row of {@link HEADER}; `over` replaces cells by column name. */
export function row(id: string | number, over: Record<string, string> = {}): string {
  const cells: Record<string, string> = {
    id: String(id), nombre: `Persona ${id}`, edad: '30', email: `p${id}@x.mx`,
    cct: 'NA', programa: 'Prog', implementacion: 'Impl', ciclo_escolar: '2024-2025',
    periodo_de_implementacion: 'Otoño 2024', mod1: '8.5', asist_1: 'x', ...over,
  };
  return HEADER.split(',').map((c) => cells[c]).join(',');
}

/** Writes `content` as `name` in `dir` and returns its path. */
export function put(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** `apilados ingest <file> --db <dir>/store.db --json [...more]`. */
export function ingest(
  dir: string,
  file: string,
  more: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return runCli(['ingest', file, '--db', join(dir, 'store.db'), '--json', ...more], {
    POWERTOOLS_LOG_LEVEL: 'SILENT', ...env,
  });
}

/** The `--json` summary, or undefined when stdout holds none. */
export function summaryOf(run: CliRun): Record<string, any> | undefined {
  try {
    return JSON.parse(run.stdout.trim());
  } catch {
    return undefined;
  }
}

/** Runs a query on the embedded store at `<dir>/store.db`. */
export function query<T = Record<string, unknown>>(dir: string, sql: string, db = 'store.db'): T[] {
  const handle = new Database(join(dir, db), { readonly: true });
  try {
    return handle.prepare(sql).all() as T[];
  } finally {
    handle.close();
  }
}
