// Bound on remembered inputs; names come from pools of a few hundred.
const LIMIT = 10_000;

/**
 * Wraps a pure text function so that each input is computed once. Meant for
 * name pieces, which repeat across people; forgets everything past a bound.
 */
export function memoizeText(read: (text: string) => string) {
  const cache = new Map<string, string>();
  return (text: string): string => {
    let result = cache.get(text);
    if (result === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      result = read(text);
      cache.set(text, result);
    }
    return result;
  };
}
