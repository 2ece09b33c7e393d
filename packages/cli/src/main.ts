import { Command, InvalidArgumentError } from 'commander';
import { SettingsError } from '@apilados/config';
import { StoreUnavailableError } from '@apilados/record-store';
import { ingest } from './commands/ingest.js';

const program = new Command('apilados')
  .description('Loads Apilados participation spreadsheets (CSV) into the records store.')
  .showHelpAfterError();

program
  .command('ingest')
  .description('load one CSV file into the embedded store')
  .argument('<file>', 'the participation CSV')
  .option('--ccts <file>', 'CCT catalogue (ccts_export.csv, columns id,clave)')
  .option('--db <path>', 'embedded store database', '.apilados/apilados.db')
  .option('--report <file>', 'write the error report (CSV) here')
  .option('--dry-run', 'validate and map every row; write nothing to the store')
  .option('--json', 'print only the summary, as one JSON object')
  .option('--keep-work', 'keep the chunk files after the load, for debugging')
  .option('--verbose', 'log each step as JSON lines (info on stdout, warnings and errors on stderr)')
  .action(async (file: string, options) => {
    setLogLevel(options.verbose);
    process.exitCode = await ingest(file, options);
  });

/** Parses a positive whole number option. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return n;
}

function setLogLevel(verbose: boolean | undefined): void {
  process.env.POWERTOOLS_LOG_LEVEL ??= verbose ? 'INFO' : 'SILENT';
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof SettingsError || error instanceof StoreUnavailableError) {
    process.stderr.write(`apilados: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
