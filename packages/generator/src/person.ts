import type { CctCatalogue } from './cctCatalogue.js';
import { spellBoolean, orMissing } from './cellSpelling.js';
import { emailFor, phoneFor } from './contactDetails.js';
import { buildCurp } from './curp.js';
import { PERSON_HEADERS } from './headers.js';
import {
  AGES_IN_WORDS,
  truncatedCct,
  wrongCheckDigit,
} from './malformations.js';
import type { PersonMalformation } from './malformations.js';
import {
  CURP_BORN_ABROAD,
  MEXICAN_STATES,
  stateByNumber,
} from './mexicanStates.js';
import type { MexicanState } from './mexicanStates.js';
import type { PersonName } from './nameLetters.js';
import type { NamePools } from './namePools.js';
import { weightedTable } from './random.js';
import type { Random } from './random.js';
import { buildRfc } from './rfc.js';

/** Everything a person contributes to its rows. */
export interface Person {
  /** Cells of the person columns before `Email`, in header order. */
  readonly cells: readonly string[];
  /** Email on the person's first row. */
  readonly email: string;
  /** Email on the person's second row; differs from `email` sometimes. */
  readonly secondEmail: string;
  /** Age in years, for the participation's seniority. */
  readonly age: number;
  /** Indices of the first and second implementation. */
  readonly implementations: readonly [number, number];
  /** Malformed value planted in the person's cells, if any. */
  readonly malformation: PersonMalformation | undefined;
}

/** What person generation draws from. */
export interface PersonContext {
  readonly random: Random;
  readonly pools: NamePools;
  readonly catalogue: CctCatalogue;
  readonly implementationCount: number;
  readonly notAvailableRate: number;
  /** External id of person 0. */
  readonly firstId: number;
}

interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Ages are as of the start of the 2024-2025 school year. */
const REFERENCE: BirthDate = { year: 2024, month: 9, day: 1 };

const HOMOCLAVE_CHARS = [...'123456789ABCDEFGHIJKLMNPQRSTUVWXYZ'];

const MARITAL = weightedTable<readonly [string, string]>([
  [['Soltera', 'Soltero'], 30],
  [['Casada', 'Casado'], 45],
  [['Unión libre', 'Unión libre'], 15],
  [['Divorciada', 'Divorciado'], 7],
  [['Viuda', 'Viudo'], 3],
]);

const EDUCATION = weightedTable([
  ['Licenciatura', 55],
  ['Maestría', 25],
  ['Normal superior', 8],
  ['Especialidad', 5],
  ['Bachillerato', 4],
  ['Doctorado', 3],
]);

// States with many speakers of an indigenous language besides Maya.
const INDIGENOUS_STATES = new Set(['07', '12', '13', '20', '21', '30']);

const AGE = PERSON_HEADERS.indexOf('Edad');
const CURP = PERSON_HEADERS.indexOf('CURP');
const CCT = PERSON_HEADERS.indexOf('CCT');

function stateName(random: Random, state: MexicanState): string {
  const name = state.number === '15' && random.chance(0.5)
    ? 'Estado de México'
    : state.name;
  const roll = random.next();
  if (roll < 0.1) return name.toUpperCase();
  if (roll < 0.15) {
    return name.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return name;
}

function fullName(random: Random, name: PersonName): string {
  const { givenNames, firstSurname, secondSurname } = name;
  const surnames = secondSurname === ''
    ? firstSurname
    : `${firstSurname} ${secondSurname}`;
  const roll = random.next();
  if (roll < 0.1) return `${givenNames} ${surnames}`.toUpperCase();
  if (roll < 0.2) return `${surnames}, ${givenNames}`;
  return `${givenNames} ${surnames}`;
}

function drawName(
  random: Random,
  pools: NamePools,
  sex: 'H' | 'M',
  maya: boolean,
): PersonName {
  const surname = () => random.pick(
    maya && random.chance(0.35) ? pools.mayaSurnames : pools.surnames);
  return {
    givenNames: random.pick(sex === 'M' ? pools.female : pools.male),
    firstSurname: surname(),
    secondSurname: random.chance(0.03) ? '' : surname(),
  };
}

/** A birth date that gives `age` on the reference date. */
function drawBirth(random: Random, age: number): BirthDate {
  const month = random.int(1, 12);
  const day = random.int(1, month === 2 ? 28 : 30);
  const before = month > REFERENCE.month ||
    (month === REFERENCE.month && day > REFERENCE.day);
  return { year: REFERENCE.year - age - (before ? 1 : 0), month, day };
}

/** CURP and RFC of a person, consistent with its name and birth. */
function identifiers(
  random: Random,
  name: PersonName,
  born: BirthDate,
  sex: 'H' | 'M',
  state: MexicanState,
) {
  const roll = random.next();
  const stateCode =
    roll < 0.85 ? state.curpCode :
    roll < 0.98 ? random.pick(MEXICAN_STATES).curpCode :
    CURP_BORN_ABROAD;
  const differentiator = born.year < 2000
    ? String(random.chance(0.9) ? 0 : random.int(1, 9))
    : String.fromCharCode(65 + random.int(0, 25));
  const birth = {
    birthYear: born.year,
    birthMonth: born.month,
    birthDay: born.day,
  };
  const curp = buildCurp({
    givenNames: name.givenNames,
    firstSurname: name.firstSurname,
    secondSurname: name.secondSurname,
    ...birth,
    sex,
    stateCode,
    differentiator,
  });
  const rfc = buildRfc({
    givenNames: name.givenNames,
    firstSurname: name.firstSurname,
    secondSurname: name.secondSurname,
    ...birth,
    homoclave: random.pick(HOMOCLAVE_CHARS) + random.pick(HOMOCLAVE_CHARS),
  });
  return { curp, rfc };
}

/** Overwrites a cell with a malformed value; `valid` holds the originals. */
function plantMalformation(
  context: PersonContext,
  cells: string[],
  valid: { readonly curp: string; readonly cct: string },
  malformation: PersonMalformation | undefined,
): void {
  const { random } = context;
  if (malformation === 'ageInWords') cells[AGE] = random.pick(AGES_IN_WORDS);
  if (malformation === 'cctMalformed') {
    cells[CCT] = truncatedCct(valid.cct, random.int(0, 2));
  }
  if (malformation === 'cctNotInCatalogue') {
    cells[CCT] = context.catalogue.unknownCode(random);
  }
  if (malformation === 'curpCheckDigit') {
    cells[CURP] = wrongCheckDigit(valid.curp, random.int(1, 9));
  }
}

/**
 * Creates person number `index` (0-based over the whole file). The school
 * comes first: its state decides the person's entidad, phone area code and
 * most likely state of birth.
 */
export function createPerson(
  context: PersonContext,
  index: number,
  malformation: PersonMalformation | undefined,
): Person {
  const { random, catalogue, implementationCount } = context;
  const missing = (value: string) =>
    orMissing(random, context.notAvailableRate, value);

  const cct = catalogue.pick(random);
  const state = stateByNumber(cct.slice(0, 2)) ?? random.pick(MEXICAN_STATES);
  const sex = random.chance(0.62) ? 'M' : 'H';
  const name = drawName(random, context.pools, sex, state.mayaRegion);
  const age = random.int(22, 65);
  const born = drawBirth(random, age);
  const { curp, rfc } = identifiers(random, name, born, sex, state);

  const indigenous = random.chance(
    state.mayaRegion ? 0.4 : INDIGENOUS_STATES.has(state.number) ? 0.2 : 0.05);
  const maya = indigenous && random.chance(state.mayaRegion ? 0.9 : 0.02);
  const marital = random.weighted(MARITAL);

  const cells = [
    String(context.firstId + index),
    missing(String(age)),
    missing(sex),
    missing(phoneFor(random, state.areaCode)),
    missing(curp),
    missing(rfc),
    missing(name.givenNames),
    missing(name.firstSurname),
    name.secondSurname === '' ? '' : missing(name.secondSurname),
    missing(fullName(random, name)),
    missing(stateName(random, state)),
    missing(sex === 'M' ? marital[0] : marital[1]),
    missing(spellBoolean(random, indigenous)),
    missing(spellBoolean(random, maya)),
    missing(random.weighted(EDUCATION)),
    missing(cct),
  ];
  plantMalformation(context, cells, { curp, cct }, malformation);

  const { givenNames, firstSurname } = name;
  const email = missing(
    emailFor(random, givenNames, firstSurname, born.year, false));
  const secondEmail = email.includes('@') && random.chance(0.35)
    ? emailFor(random, givenNames, firstSurname, born.year, true)
    : email;

  const first = random.int(0, implementationCount - 1);
  const second =
    (first + random.int(1, implementationCount - 1)) % implementationCount;

  return {
    cells,
    email,
    secondEmail,
    age,
    implementations: [first, second],
    malformation,
  };
}
