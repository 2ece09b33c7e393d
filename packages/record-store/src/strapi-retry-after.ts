/**
 * The wait a `Retry-After` header asks for, in ms: either delay seconds
 * (`120`, `1.5`) or an HTTP date, counted from `now`. Undefined when the
 * header is absent or unreadable; a date in the past waits 0 ms.
 *
 * @example retryAfterMs('2') // 2000
 */
export function retryAfterMs(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = /GMT$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
