/** Length of every CCT (clave de centro de trabajo). */
export const CCT_LENGTH = 10;

/** A well-formed CCT, for messages and examples. */
export const CCT_EXAMPLE = '01DJN0002D';

/** Lowest and highest state numbers a CCT may start with. */
export const CCT_STATE_MIN = 1;
export const CCT_STATE_MAX = 32;

const WHITESPACE = /\s+/g;

/**
 * Puts a CCT as typed in a spreadsheet into its canonical form: surrounding
 * and inner whitespace removed, letters upper-cased. The result is not
 * necessarily well-formed; check it with `checkCct`.
 */
export function normaliseCct(raw: string): string {
  return raw.replace(WHITESPACE, '').toUpperCase();
}

/**
 * Checks that `code` is a well-formed CCT: two digits for the state (01 to
 * 32), three upper-case letters for the kind of school, four digits and a
 * check letter, e.g. `01DJN0002D`. Normalise it first with `normaliseCct`.
 *
 * Returns `undefined` when well-formed, otherwise a short English reason.
 * A wrong check letter is not detected (see the limitation below).
 */
export function checkCct(code: string): string | undefined {
  if (code.length === 0) {
    return `is empty; a CCT has ${CCT_LENGTH} characters, e.g. ${CCT_EXAMPLE}`;
  }
  if (code.length !== CCT_LENGTH) {
    return `has ${code.length} characters; a CCT has ${CCT_LENGTH}, ` +
      `e.g. ${CCT_EXAMPLE}`;
  }
  const state = code.slice(0, 2);
  if (!allIn(state, isDigit)) {
    return `must start with two digits for the state (01 to 32), ` +
      `found "${state}"`;
  }
  const stateNumber = Number(state);
  if (stateNumber < CCT_STATE_MIN || stateNumber > CCT_STATE_MAX) {
    return `state ${state} does not exist; it must be 01 to 32`;
  }
  const kind = code.slice(2, 5);
  if (!allIn(kind, isUpperLetter)) {
    return `characters 3 to 5 must be upper-case letters for the kind ` +
      `of school, found "${kind}"`;
  }
  const number = code.slice(5, 9);
  if (!allIn(number, isDigit)) {
    return `characters 6 to 9 must be digits, found "${number}"`;
  }
  // Limitation: no public algorithm for the check letter is known, so only
  // its being a letter is checked; a code with a wrong one passes.
  const check = code.slice(9);
  if (!isUpperLetter(check.charCodeAt(0))) {
    return `must end with a check letter, found "${check}"`;
  }
  return undefined;
}

function allIn(text: string, accept: (charCode: number) => boolean): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (!accept(text.charCodeAt(i))) return false;
  }
  return true;
}

function isDigit(charCode: number): boolean {
  return charCode >= 48 && charCode <= 57;
}

function isUpperLetter(charCode: number): boolean {
  return charCode >= 65 && charCode <= 90;
}
