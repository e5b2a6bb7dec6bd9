import { bearerTokenCheck } from '@driftwatch/core/http/bearer-token';
import { apiError } from '../errors/api-error.js';
import type { Step } from './steps.js';

/** Requires `Authorization: Bearer <token>`, checked by the shared parser in core/src/http. */
export function bearerAuth(token: string): Step {
  const check = bearerTokenCheck(token);
  return (req, _res, next) => {
    if (check(req.headers.authorization)) return next();
    next(apiError('unauthorized', 'a valid bearer token is required'));
  };
}
