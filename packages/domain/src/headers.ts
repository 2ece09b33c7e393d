/**
 * Normalises a spreadsheet header to the column name the pipeline uses:
 * trimmed, lower-cased, accents removed, every run of other characters
 * turned into one underscore, underscores trimmed.
 *
 * @example normaliseHeader(' Participa director(a) ') // 'participa_director_a'
 */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
