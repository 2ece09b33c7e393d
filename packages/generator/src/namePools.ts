import { FakerDefinitionError } from './errors.js';
import type { Faker } from '@faker-js/faker';

/** Lists of names the generator draws people from. */
export interface NamePools {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly surnames: readonly string[];
  /** Maya surnames, frequent on the Yucatán peninsula. */
  readonly mayaSurnames: readonly string[];
}

const MAYA_SURNAMES: readonly string[] = [
  'Balam', 'Canché', 'Canul', 'Cauich', 'Chan', 'Chi', 'Cocom', 'Dzib',
  'Dzul', 'Ek', 'Euán', 'Huchim', 'Kantún', 'Ku', 'May', 'Pech', 'Poot',
  'Tun', 'Uc', 'Uicab',
];

// A capitalised word, or one preceded by "de", "de la" or "del".
const SURNAME =
  /^(?:de (?:la |los )?|del )?[A-ZÁÉÍÓÚÑ][a-záéíóúüñ]+$/;

/** A plain copy of a definition list (faker serves them through proxies). */
function list(values: readonly string[] | null | undefined, path: string) {
  if (values === null || values === undefined || values.length === 0) {
    throw new FakerDefinitionError(path);
  }
  return [...values];
}

/**
 * Reads name lists from faker's es_MX definitions once, so rows draw from
 * plain arrays instead of calling faker's slower templating per name.
 */
export function buildNamePools(faker: Faker): NamePools {
  const person = faker.definitions.person;
  const first = person.first_name;
  const last = person.last_name;
  const surnames = list(last?.generic, 'person.last_name.generic');

  return {
    female: list(first?.female, 'person.first_name.female'),
    male: list(first?.male, 'person.first_name.male'),
    surnames: surnames.filter((surname) => SURNAME.test(surname)),
    mayaSurnames: MAYA_SURNAMES,
  };
}
