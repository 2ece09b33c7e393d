import validateCurp from 'validate-curp';
import validateRfc from 'validate-rfc';

/**
 * True when `value` is exactly a CURP: eighteen upper-case characters with
 * a valid format, a real birth date, a state code and a check digit.
 * Separators, spaces and lower case are refused, not tidied away.
 */
export function isValidCurp(value: string): boolean {
  const check = validateCurp(value);
  if (!check.isValid || check.curp !== value) return false;
  // The 17th character is a digit for people born before 2000.
  const century = /\d/.test(value.charAt(16)) ? 1900 : 2000;
  return isCalendarDate(century, value.slice(4, 10));
}

/**
 * True when `value` is exactly a well-formed RFC of twelve or thirteen
 * upper-case characters with a real date and a valid check digit.
 */
export function isValidRfc(value: string): boolean {
  const check = validateRfc(value);
  if (!check.isValid || check.rfc !== value) return false;
  // An RFC does not say its century; 2000 accepts every 29 February.
  return isCalendarDate(2000, value.slice(-9, -3));
}

/** True when `yymmdd` names a day that exists in that century. */
function isCalendarDate(century: number, yymmdd: string): boolean {
  const year = century + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}
