/**
 * Milliseconds a `Retry-After` header value asks the client to wait (RFC 9110 §10.2.3): either
 * delay-seconds (a non-negative integer) or an HTTP-date, counted from `nowMs` and never
 * negative. Undefined when the header is absent or unreadable, so the caller falls back to its
 * own backoff. O(length of the value).
 */
export function parseRetryAfterMs(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names the weekday and the time zone; a bare number or word is not one.
  if (!/^[A-Za-z]{3},\s.*\sGMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
