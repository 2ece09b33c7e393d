import { weightedTable } from './random.js';
import type { Random } from './random.js';

/** A month in which an implementation runs. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

const NOT_AVAILABLE = weightedTable([
  ['', 40],
  ['NA', 35],
  ['N/A', 15],
  ['n/a', 10],
]);

const TRUE_SPELLINGS = weightedTable([
  ['1', 30],
  ['Sí', 25],
  ['Si', 10],
  ['true', 10],
  ['TRUE', 5],
  ['x', 20],
]);

const FALSE_SPELLINGS = weightedTable([
  ['0', 45],
  ['No', 40],
  ['false', 10],
  ['FALSE', 5],
]);

const PRESENT_MARKS = weightedTable([
  ['1', 40],
  ['x', 20],
  ['X', 5],
  ['Sí', 15],
  ['date', 20],
]);

/** One of the spellings of "not available": empty, NA, N/A or n/a. */
export function notAvailable(random: Random): string {
  return random.weighted(NOT_AVAILABLE);
}

/** The value, or "not available" with probability `rate`. */
export function orMissing(random: Random, rate: number, value: string) {
  return random.chance(rate) ? notAvailable(random) : value;
}

/** A boolean as spreadsheets spell it: 1/0, Sí/No, true/false, x. */
export function spellBoolean(random: Random, value: boolean): string {
  return random.weighted(value ? TRUE_SPELLINGS : FALSE_SPELLINGS);
}

/** A day within the given months, as `dd/mm/yyyy` or `yyyy-mm-dd`. */
export function spellDate(random: Random, months: readonly YearMonth[]) {
  const { year, month } = random.pick(months);
  const mm = String(month).padStart(2, '0');
  const dd = String(random.int(1, 28)).padStart(2, '0');
  return random.chance(0.7) ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
}

/** A mark meaning present or done: 1, x, Sí or a date. */
export function presentMark(random: Random, months: readonly YearMonth[]) {
  const mark = random.weighted(PRESENT_MARKS);
  return mark === 'date' ? spellDate(random, months) : mark;
}

/**
 * An integer as people type it: mostly plain, sometimes with a space around
 * it or between thousands (`1 240`).
 */
export function spellInteger(random: Random, value: number): string {
  const roll = random.next();
  if (value >= 1000 && roll < 0.4) {
    const thousands = Math.floor(value / 1000);
    return `${thousands} ${String(value % 1000).padStart(3, '0')}`;
  }
  if (roll < 0.03) return ` ${value}`;
  if (roll < 0.06) return `${value} `;
  return String(value);
}
