/** Log keys whose values are personal data or secrets. */
export const REDACTED_KEYS = new Set([
  'nombre', 'primer_apellido', 'segundo_apellido', 'nombre_completo',
  'curp', 'rfc', 'telefono', 'email', 'correo', 'value', 'token',
  'authorization', 'password', 'secret', 'strapi_token',
]);

const EMAIL = /[^\s@"']+@[^\s@"']+\.[a-z]{2,}/gi;
const CURP = /\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d\b/g;

/**
 * A JSON replacer for log records: hides values under personal-data keys
 * and masks emails and CURPs that slip into free text.
 */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (REDACTED_KEYS.has(key.toLowerCase())) return '[redacted]';
  if (typeof value === 'string') {
    return value.replace(EMAIL, '[email]').replace(CURP, '[curp]');
  }
  return value;
}
