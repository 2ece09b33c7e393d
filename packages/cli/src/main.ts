import { createRequire } from 'node:module';
import { Command, InvalidArgumentError } from 'commander';
import { SettingsError } from '@apilados/config';
import { CmsRequestError, StoreUnavailableError } from '@apilados/record-store';
import { CatalogueFormatError } from '@apilados/cct-catalogue';
import { baseUrlOption } from './load-target.js';

// The command prints its own results; structured logs only when asked for
// (--verbose, or POWERTOOLS_LOG_LEVEL set by the caller).
const quiet = process.env.POWERTOOLS_LOG_LEVEL === undefined;
if (quiet) process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

// Each command's code is imported when it runs, so a load does not carry
// the generator's locale data and the like in memory.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const program = new Command('apilados')
  .description('Loads Apilados participation spreadsheets (CSV) into the records store.')
  .version(version)
  .showHelpAfterError();

program
  .command('ingest')
  .description('load one CSV file into the embedded store or a Strapi CMS')
  .argument('<file>', 'the participation CSV')
  .option('--ccts <file>', 'CCT catalogue (ccts_export.csv, columns id,clave)')
  .option('--db <path>', 'embedded store database', '.apilados/apilados.db')
  .option('--strapi <url>', 'load into this Strapi CMS instead (default STRAPI_BASE_URL; token from STRAPI_TOKEN)', baseUrlOption)
  .option('--report <file>', 'write the error report (CSV) here')
  .option('--dry-run', 'validate and map every row; write nothing to the store')
  .option('--json', 'print only the summary, as one JSON object')
  .option('--keep-work', 'keep the chunk files after the load, for debugging')
  .option('--verbose', 'log each step as JSON lines (info on stdout, warnings and errors on stderr)')
  .action(async (file: string, options) => {
    if (options.verbose && quiet) process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const { ingest } = await import('./commands/ingest.js');
    process.exitCode = await ingest(file, options);
  });

program
  .command('generate')
  .description('write realistic synthetic participation data (same seed, same file)')
  .requiredOption('--rows <n>', 'data rows to write', positiveInteger)
  .option('--seed <s>', 'seed of every random choice', positiveInteger, 1)
  .option('--first-id <n>', 'external id of the first person; use ids that do not overlap for files meant for one store', positiveInteger, 100001)
  .requiredOption('--out <file.csv>', 'where to write the participations')
  .option('--ccts-out <file.csv>', 'also write the matching CCT catalogue (id,clave)')
  .action(async (options) => {
    const { generate } = await import('./commands/generate.js');
    process.exitCode = await generate(options);
  });

program
  .command('ccts')
  .description('work with the CCT (school) catalogue')
  .command('check')
  .description('read a catalogue and tell its entries, bad lines, memory and mode')
  .argument('<catalogue>', 'ccts_export.csv (columns id,clave)')
  .option('--budget-mb <n>', 'memory budget (default CCTS_MAX_MEMORY_MB)', positiveInteger)
  .option('--json', 'print the result as one JSON object')
  .action(async (catalogue: string, options) => {
    const { cctsCheck } = await import('./commands/ccts-check.js');
    process.exitCode = await cctsCheck(catalogue, options);
  });

const health = program
  .command('health')
  .description('check the pipeline\'s health (exit 0 healthy, 1 warning, 2 critical)');

const healthOptions = (command: Command) =>
  command
    .option('--environment <name>', 'local, or the stage to check (production, …)', 'local')
    .option('--db <path>', 'embedded store database', '.apilados/apilados.db')
    .option('--no-api', 'do not contact the CMS')
    .option('--verbose', 'print each check\'s details');

healthOptions(health.command('check').description('run every check once and print the result'))
  .option('--json', 'print the report as JSON')
  .action(async (options) => {
    const { healthCheck } = await import('./commands/health.js');
    process.exitCode = await healthCheck(options);
  });

healthOptions(health.command('report').description('write the health report as JSON'))
  .requiredOption('--output <file>', 'where to write the report')
  .action(async (options) => {
    const { healthReport } = await import('./commands/health.js');
    process.exitCode = await healthReport(options);
  });

healthOptions(health.command('monitor').description('check repeatedly and print each change'))
  .option('--interval <seconds>', 'seconds between checks', positiveInteger, 30)
  .option('--count <n>', 'stop after n checks (default: until Ctrl-C)', positiveInteger)
  .action(async (options) => {
    const { healthMonitor } = await import('./commands/health.js');
    process.exitCode = await healthMonitor(options);
  });

/** Parses a positive whole number option. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return n;
}

const EXPECTED_ERRORS = [
  SettingsError,
  StoreUnavailableError,
  CmsRequestError,
  CatalogueFormatError,
];

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Every failure ends in one line on stderr; the stack trace only when
  // it is an unexpected one and logs were asked for.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`apilados: ${message.split('\n')[0]}\n`);
  const expected = EXPECTED_ERRORS.some((kind) => error instanceof kind) ||
    typeof (error as NodeJS.ErrnoException).code === 'string';
  if (!expected && process.env.POWERTOOLS_LOG_LEVEL === 'DEBUG') console.error(error);
  process.exitCode = 1;
}
