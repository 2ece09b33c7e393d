/**
 * Calls `open` on first use and keeps its result for the life of the
 * function instance; a failure is not kept, so the next call tries again.
 *
 * @example const store = kept(() => openStore(settings, token));
 */
export function kept<T>(open: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= open().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
