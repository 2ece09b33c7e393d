import { writeCctCatalogueCsv, writeParticipationsCsv } from '@apilados/generator';

/** Options of `apilados generate`. */
export interface GenerateCommandOptions {
  readonly rows: number;
  readonly seed: number;
  readonly firstId: number;
  readonly out: string;
  readonly cctsOut?: string;
}

/** Writes a synthetic participation file and, if asked, its catalogue. */
export async function generate(options: GenerateCommandOptions): Promise<number> {
  const spec = { rows: options.rows, seed: options.seed, firstId: options.firstId };
  const started = performance.now();
  const result = await writeParticipationsCsv(options.out, spec);
  if (options.cctsOut) await writeCctCatalogueCsv(options.cctsOut, spec);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${options.out}: ${result.rows} rows, ${result.people} people ` +
      `(${result.peopleInTwoImplementations} in two implementations), ` +
      `${result.implementations} implementations, ${(result.bytes / 1024 / 1024).toFixed(1)} MB` +
      ` in ${seconds.toFixed(1)} s\n` +
      (options.cctsOut ? `${options.cctsOut}: ${result.catalogueSize} CCTs\n` : ''),
  );
  return 0;
}
