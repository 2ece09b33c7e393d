/** School kinds used for generated codes (sostenimiento + nivel). */
export const CCT_KINDS: readonly string[] = [
  'DJN', 'DPR', 'DES', 'DST', 'DTV', 'EJN',
  'EPR', 'EES', 'EST', 'ETV', 'PPR', 'PES',
];

/** Codes with distinct state, kind and number: 32 × kinds × 9999. */
export const CCT_CAPACITY = 32 * CCT_KINDS.length * 9999;

/**
 * The closing letter of a generated CCT, computed from its first nine
 * characters.
 */
// Limitation: the official verifying letter is assigned by the SEP with an
// algorithm that is not published; this stand-in is deterministic, so a
// code is always rebuilt the same way. Replace it if the rule becomes known.
export function cctLetter(first9: string): string {
  let sum = 0;
  for (let i = 0; i < first9.length; i += 1) {
    sum += first9.charCodeAt(i) * (i + 3);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * The CCT with this ordinal in [0, {@link CCT_CAPACITY}): distinct ordinals
 * give distinct codes.
 *
 * @example cctCodeAt(0) // '01DJN0001V'
 */
export function cctCodeAt(ordinal: number): string {
  const state = (ordinal % 32) + 1;
  const rest = Math.floor(ordinal / 32);
  const kind = CCT_KINDS[rest % CCT_KINDS.length] ?? 'DPR';
  const number = Math.floor(rest / CCT_KINDS.length) + 1;

  const first9 =
    String(state).padStart(2, '0') + kind + String(number).padStart(4, '0');
  return first9 + cctLetter(first9);
}
