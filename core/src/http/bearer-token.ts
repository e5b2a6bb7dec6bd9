/**
 * The one bearer-token check of both services, and the header their clients send. `Authorization: <scheme> <token>` passes when the
 * scheme is `Bearer` in any letter case, followed by one or more spaces, and the token equals the
 * configured one. Tokens are compared through their SHA-256 digests with `timingSafeEqual`, so
 * the time taken reveals neither the expected token nor its length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer +(\S+) *$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Returns a check of `Authorization` header values against `token`. */
export function bearerTokenCheck(token: string): (header: string | undefined) => boolean {
  const expected = digest(token);
  return (header) => {
    const given = BEARER.exec(header ?? '')?.[1];
    // Digest something even without a token, so a missing header costs the same time.
    const actual = digest(given ?? '');
    return timingSafeEqual(actual, expected) && given !== undefined;
  };
}

/** The `Authorization` header value a client sends with `token`: the one spelling all clients use. */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}
