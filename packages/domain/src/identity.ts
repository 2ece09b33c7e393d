import validateCurp from 'validate-curp';
import validateRfc from 'validate-rfc';

/** True when `value` is a CURP with a valid format and check digit. */
export function isValidCurp(value: string): boolean {
  return validateCurp(value).isValid;
}

/** True when `value` is a well-formed RFC of twelve or thirteen characters. */
export function isValidRfc(value: string): boolean {
  return validateRfc(value).isValid;
}
