import { checkCct, normaliseCct } from '@apilados/cct-catalogue';

/** Whether the pipeline's CCT check accepts a code as typed. */
export function isWellFormedCct(code: string): boolean {
  return checkCct(normaliseCct(code)) === undefined;
}
