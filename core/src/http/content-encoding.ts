/**
 * The one rule both services apply to `Content-Encoding` on request bodies: absent, `identity`,
 * `gzip` or `deflate` (what their body readers inflate). Anything else, including a list of
 * several encodings, is answered 415 before the body is read.
 */
const SUPPORTED = new Set(['identity', 'gzip', 'deflate']);

/** The offending encoding when `header` names one the services do not read, else undefined. */
export function unsupportedContentEncoding(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const encoding = header.trim().toLowerCase();
  if (encoding === '' || SUPPORTED.has(encoding)) return undefined;
  return encoding.slice(0, 64);
}
