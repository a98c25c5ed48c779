/** PostgreSQL text cannot hold the NUL character; no field of the API accepts it. */
export const NUL_MESSAGE = 'Text cannot contain the NUL character (U+0000). Remove it and try again.';

/** Whether a request's query or variables carry a NUL character anywhere. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => containsNul(key, depth + 1) || containsNul(item, depth + 1));
}
