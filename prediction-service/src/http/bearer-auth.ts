import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.js';
import type { Step } from './steps.js';

/** Requires `Authorization: Bearer <token>`; compares digests so timing reveals nothing. */
export function bearerAuth(token: string): Step {
  const expected = digest(token);
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match && timingSafeEqual(digest(match[1]!.trim()), expected)) return next();
    next(new ApiError('unauthorized', 'a valid bearer token is required'));
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
