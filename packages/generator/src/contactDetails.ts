import { memoizeText } from './memoizeText.js';
import { weightedTable } from './random.js';
import type { Random } from './random.js';

const PERSONAL_DOMAINS = weightedTable([
  ['gmail.com', 45],
  ['hotmail.com', 30],
  ['outlook.com', 15],
  ['yahoo.com.mx', 10],
]);

/** Domain of work addresses; reserved for examples, so never a real one. */
export const WORK_DOMAIN = 'docentes.example.org';

/**
 * Lower-case ASCII letters of a name's first word, a leading particle
 * skipped: "José Luis" → jose, "de la Cruz" → cruz.
 */
const asciiWord = memoizeText((text) => {
  const words = text.trim().replace(/^(de la |de los |del |de )/, '');
  const first = words.split(' ')[0] ?? '';
  return first
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
});

/** An email address built from a name, on a personal or a work domain. */
export function emailFor(
  random: Random,
  given: string,
  surname: string,
  birthYear: number,
  work: boolean,
): string {
  const name = asciiWord(given) || 'docente';
  const last = asciiWord(surname);
  const number = random.int(1, 999);

  const style = random.int(0, 3);
  const local =
    style === 0 ? `${name}.${last}` :
    style === 1 ? `${name[0]}${last}${birthYear % 100}` :
    style === 2 ? `${name}_${last}${number}` :
    `${name}${last}${number}`;
  return `${local}@${work ? WORK_DOMAIN : random.weighted(PERSONAL_DOMAINS)}`;
}

/** A ten-digit Mexican phone number in one of the ways people write it. */
export function phoneFor(random: Random, areaCode: string): string {
  const length = 10 - areaCode.length;
  const rest = String(random.int(0, 10 ** length - 1)).padStart(length, '0');
  const area = areaCode;
  const middle = rest.slice(0, -4);
  const last = rest.slice(-4);

  const roll = random.next();
  if (roll < 0.4) return area + rest;
  if (roll < 0.6) return `${area} ${middle} ${last}`;
  if (roll < 0.75) return `(${area}) ${middle}-${last}`;
  if (roll < 0.9) return `+52 ${area} ${middle} ${last}`;
  return `${area}-${middle}-${last}`;
}
