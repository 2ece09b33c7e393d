import type { MalformationKind } from './types.js';

/** Malformations that belong to a person and repeat on each of its rows. */
export type PersonMalformation = Extract<
  MalformationKind,
  'ageInWords' | 'cctMalformed' | 'cctNotInCatalogue' | 'curpCheckDigit'
>;

/** Malformations that belong to one row. */
export type RowMalformation = Extract<
  MalformationKind,
  'gradeMalformed' | 'booleanMalformed'
>;

/** Person malformations, in the order blocks assign them. */
export const PERSON_MALFORMATIONS: readonly PersonMalformation[] = [
  'ageInWords',
  'cctMalformed',
  'cctNotInCatalogue',
  'curpCheckDigit',
];

/** Row malformations, in the order blocks assign them. */
export const ROW_MALFORMATIONS: readonly RowMalformation[] = [
  'gradeMalformed',
  'booleanMalformed',
];

/** Ages written in words, as some people type them. */
export const AGES_IN_WORDS: readonly string[] = [
  'treinta', 'cuarenta y cinco', 'veintiocho', 'cincuenta', 'treinta y dos',
  'sesenta',
];

/** Answers to a yes/no column that are neither yes nor no. */
export const NOT_BOOLEANS: readonly string[] = [
  'quizás',
  'tal vez',
  'pendiente',
];

/** Cuts a CCT so it no longer has the CCT shape, e.g. `1DJN00`. */
export function truncatedCct(code: string, variant: number): string {
  if (variant === 0) return code.slice(1, 7);
  if (variant === 1) return code.slice(0, 8);
  return code.slice(0, 2) + code.slice(5);
}

/** Same CURP with a different, hence wrong, check digit. */
export function wrongCheckDigit(curp: string, shift: number): string {
  const digit = Number(curp.at(-1));
  return curp.slice(0, -1) + String((digit + shift) % 10);
}

/** A grade with a doubled decimal point, e.g. `8..5`. */
export function doubledPoint(grade: string): string {
  return grade.replace('.', '..');
}

/** A count per kind, every kind at zero. */
export function zeroCounts(): Record<MalformationKind, number> {
  return {
    ageInWords: 0,
    cctMalformed: 0,
    cctNotInCatalogue: 0,
    curpCheckDigit: 0,
    gradeMalformed: 0,
    booleanMalformed: 0,
  };
}
