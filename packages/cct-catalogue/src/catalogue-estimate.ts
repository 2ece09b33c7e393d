/** Bytes of the shortest possible data line, `1,01DJN0002D\n`. */
export const MIN_CATALOGUE_LINE_BYTES = 13;

/** Bytes of the header line, `id,clave\n`. */
const HEADER_BYTES = 9;

/** Index bytes per entry at worst: an 8-byte key and an 8-byte id. */
export const MAX_INDEX_BYTES_PER_ENTRY = 16;

/** Safety margin applied on top of the index's worst case. */
export const CATALOGUE_SAFETY_MARGIN = 1.5;

/**
 * Bytes the preloaded index of a catalogue file of `fileSizeBytes` will
 * take, as an upper bound: it assumes every line is the shortest possible
 * (13 bytes, so the most entries) and every entry the widest (16 bytes),
 * then adds a 50 % safety margin. A typical export (about 19-byte lines,
 * 12-byte entries) needs about a third of the estimate.
 *
 * This is the memory kept once loaded. Loading itself briefly needs more:
 * growth buffers and short-lived strings, about 16 MB of arrays and 29 MB
 * in all above the final index for 300,000 entries (test/bench/cct.bench.ts).
 */
export function estimateCatalogueBytes(fileSizeBytes: number): number {
  const maxEntries = Math.ceil(
    Math.max(0, fileSizeBytes - HEADER_BYTES) / MIN_CATALOGUE_LINE_BYTES,
  );
  return Math.ceil(
    maxEntries * MAX_INDEX_BYTES_PER_ENTRY * CATALOGUE_SAFETY_MARGIN,
  );
}
