/**
 * The wait an HTTP Retry-After header asks for (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * Null when absent or unreadable; a date in the past means "now" (0).
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
