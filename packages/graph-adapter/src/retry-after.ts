/**
 * Reads an HTTP `Retry-After` value as milliseconds from `nowMs`. Graph sends seconds, sometimes
 * fractional (`2.128`); RFC 9110 also allows an HTTP-date. Returns undefined when the header is
 * absent or unreadable, so callers fall back to their own back-off.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // Every HTTP-date form starts with the day name; anything else Date.parse might still accept.
  if (!/^[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
