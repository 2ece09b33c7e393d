import { BLOCK_ROWS, planBlock } from './blockPlan.js';
import type { BlockPlan } from './blockPlan.js';
import { csvLineWriter } from './csvLine.js';
import type { CsvLineWriter } from './csvLine.js';
import { PARTICIPATION_HEADERS } from './headers.js';
import { buildImplementations } from './implementations.js';
import type { Implementation } from './implementations.js';
import { zeroCounts } from './malformations.js';
import { buildNamePools } from './namePools.js';
import { participationCells } from './participationCells.js';
import { createPerson } from './person.js';
import type { PersonContext } from './person.js';
import { Random } from './random.js';
import type { ResolvedOptions } from './resolveOptions.js';
import { textByteLength } from './textEncoding.js';
import type { GenerateResult } from './types.js';

/** Characters gathered before a chunk is handed on (about 64 KiB). */
const CHUNK_CHARS = 64 * 1024;

/** What every row of a file is drawn from. */
interface RowSource {
  readonly context: PersonContext;
  readonly implementations: readonly Implementation[];
  readonly csv: CsvLineWriter;
  readonly notAvailableRate: number;
}

/** The lines of one block; counts what they hold into `result`. */
function* blockLines(
  source: RowSource,
  plan: BlockPlan,
  result: GenerateResult,
): Generator<string, void, undefined> {
  const { context, csv } = source;
  const people = Array.from({ length: plan.people }, (_, slot) => createPerson(
    context, result.people + slot, plan.personMalformations[slot]));
  const personFields = people.map((person) =>
    csv.fields(person.cells) + csv.separator);
  const seen = new Array<boolean>(plan.people).fill(false);

  for (const [row, slot] of plan.order.entries()) {
    const person = people[slot];
    if (person === undefined) continue;
    const again = seen[slot] === true;
    seen[slot] = true;
    const email = again ? person.secondEmail : person.email;
    const implementation =
      source.implementations[person.implementations[again ? 1 : 0]];
    if (implementation === undefined) continue;
    const malformation = plan.rowMalformations[row];

    const cells = participationCells(context.random, implementation,
      person.age, source.notAvailableRate, malformation);
    yield `${personFields[slot]}${csv.field(email)}${csv.separator}` +
      csv.line(cells);

    if (person.malformation) result.malformed[person.malformation] += 1;
    if (malformation) result.malformed[malformation] += 1;
    if (again && email !== person.email) result.peopleWithTwoEmails += 1;
  }

  result.rows += plan.order.length;
  result.people += plan.people;
  result.peopleInTwoImplementations += plan.order.length - plan.people;
}

/** The header line, then every row line; counts them into `result`. */
function* participationLines(
  options: ResolvedOptions,
  result: GenerateResult,
): Generator<string, void, undefined> {
  const random = new Random(options.seed);
  const implementations = buildImplementations(random);
  const source: RowSource = {
    context: {
      random,
      pools: buildNamePools(random.faker),
      catalogue: options.catalogue,
      implementationCount: implementations.length,
      notAvailableRate: options.notAvailableRate,
      firstId: options.firstId,
    },
    implementations,
    csv: csvLineWriter(options.format),
    notAvailableRate: options.notAvailableRate,
  };
  result.programs = new Set(implementations.map((item) => item.programa)).size;
  result.implementations = implementations.length;

  yield source.csv.line(PARTICIPATION_HEADERS);
  while (result.rows < options.rows) {
    const rows = Math.min(BLOCK_ROWS, options.rows - result.rows);
    const plan = planBlock(
      random, rows, options.twoImplementationShare, options.malformedRate);
    yield* blockLines(source, plan, result);
  }
}

/**
 * The participation file as text chunks of about 64 KiB, generated lazily
 * block by block; returns the file's counts after the last chunk.
 */
export function* participationChunks(
  options: ResolvedOptions,
): Generator<string, GenerateResult, undefined> {
  const { encoding } = options.format;
  const result: GenerateResult = {
    rows: 0,
    people: 0,
    peopleInTwoImplementations: 0,
    peopleWithTwoEmails: 0,
    programs: 0,
    implementations: 0,
    catalogueSize: options.catalogue.size,
    malformed: zeroCounts(),
    bytes: 0,
  };

  let chunk = options.format.bom ? '\uFEFF' : '';
  for (const line of participationLines(options, result)) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      result.bytes += textByteLength(chunk, encoding);
      yield chunk;
      chunk = '';
    }
  }
  result.bytes += textByteLength(chunk, encoding);
  yield chunk;
  return result;
}
