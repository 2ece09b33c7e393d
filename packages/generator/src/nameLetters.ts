import { memoizeText } from './memoizeText.js';

/** The name of a person as CURP and RFC read it. */
export interface PersonName {
  /** Given names, e.g. "María Fernanda". */
  readonly givenNames: string;
  /** First (paternal) surname, e.g. "de la Cruz". */
  readonly firstSurname: string;
  /** Second (maternal) surname; empty when the person has none. */
  readonly secondSurname: string;
}

/** The significant words of a name, upper-case and without accents. */
export interface NameWords {
  readonly given: string;
  readonly first: string;
  readonly second: string;
}

// Words that CURP and RFC skip in compound names (articles, prepositions).
const PARTICLES = new Set([
  'DA', 'DAS', 'DE', 'DEL', 'DER', 'DI', 'DIE', 'DD', 'EL', 'LA', 'LAS',
  'LE', 'LES', 'LOS', 'MAC', 'MC', 'VAN', 'VON', 'Y',
]);

// Given names skipped when another given name follows.
const COMMON_FIRST_GIVEN = new Set(['MARIA', 'MA', 'JOSE', 'J']);

// Four-letter words the identifiers avoid; the published list is longer.
const INCONVENIENT = new Set([
  'BACA', 'BAKA', 'BUEI', 'BUEY', 'CACA', 'CACO', 'CAGA', 'CAGO', 'CAKA',
  'CAKO', 'COGE', 'COGI', 'COJA', 'COJE', 'COJI', 'COJO', 'COLA', 'CULO',
  'FALO', 'FETO', 'GETA', 'GUEI', 'GUEY', 'JETA', 'JOTO', 'KACA', 'KACO',
  'KAGA', 'KAGO', 'KAKA', 'KAKO', 'KOGE', 'KOGI', 'KOJA', 'KOJE', 'KOJI',
  'KOJO', 'KOLA', 'KULO', 'LILO', 'LOCA', 'LOCO', 'LOKA', 'LOKO', 'MAME',
  'MAMO', 'MEAR', 'MEAS', 'MEON', 'MIAR', 'MION', 'MOCO', 'MOKO', 'MULA',
  'MULO', 'NACA', 'NACO', 'PEDA', 'PEDO', 'PENE', 'PIPI', 'PITO', 'POPO',
  'PUTA', 'PUTO', 'QULO', 'RATA', 'ROBA', 'ROBE', 'ROBO', 'RUIN', 'SENO',
  'TETA', 'VACA', 'VAGA', 'VAGO', 'VAKA', 'VUEI', 'VUEY', 'WUEI', 'WUEY',
]);

const VOWELS = 'AEIOU';

/** Upper-case, accents removed, Ñ read as X, only letters and spaces. */
function plainWords(text: string): string[] {
  const plain = text
    .toUpperCase()
    .replace(/Ñ/g, 'X')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z ]/g, ' ');
  return plain.split(' ').filter((word) => word.length > 0);
}

/** The first word that is not a particle (the last one if all are). */
function significant(words: readonly string[]): string {
  return words.find((word) => !PARTICLES.has(word)) ?? words.at(-1) ?? '';
}

function givenWord(text: string): string {
  const words = plainWords(text);
  const skipFirst = words.length > 1 && COMMON_FIRST_GIVEN.has(words[0] ?? '');
  return significant(skipFirst ? words.slice(1) : words);
}

function surnameWord(text: string): string {
  return significant(plainWords(text));
}

const readGiven = memoizeText(givenWord);
const readSurname = memoizeText(surnameWord);

/** Reads the significant word of each part of a name. */
export function nameWords(name: PersonName): NameWords {
  return {
    given: readGiven(name.givenNames),
    first: readSurname(name.firstSurname),
    second: readSurname(name.secondSurname),
  };
}

/** The first vowel after the first letter, or X. */
export function firstInnerVowel(word: string): string {
  for (const letter of word.slice(1)) {
    if (VOWELS.includes(letter)) return letter;
  }
  return 'X';
}

/** The first consonant after the first letter, or X. */
export function firstInnerConsonant(word: string): string {
  for (const letter of word.slice(1)) {
    if (!VOWELS.includes(letter)) return letter;
  }
  return 'X';
}

/** The first letter of a word, or X for an empty one. */
export function initial(word: string): string {
  return word[0] ?? 'X';
}

/** Whether four letters form a word the identifiers avoid. */
export function isInconvenient(letters: string): boolean {
  return INCONVENIENT.has(letters);
}
