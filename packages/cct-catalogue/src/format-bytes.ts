const MB = 1024 * 1024;

/** Bytes in one MB, as budgets such as `CCTS_MAX_MEMORY_MB` count them. */
export const BYTES_PER_MB = MB;

/** Renders a byte count for people: `3.4 MB`, `512 KB`, `80 bytes`. */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const size = Math.abs(bytes);
  if (size >= MB) return `${sign}${(size / MB).toFixed(1)} MB`;
  if (size >= 1024) return `${sign}${(size / 1024).toFixed(1)} KB`;
  return `${sign}${Math.round(size)} bytes`;
}
