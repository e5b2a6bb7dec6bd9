import express, { type RequestHandler } from 'express';
import { ApiError } from './api-error.js';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Body reading for POST /predict: express.raw takes an application/json body (size limit, gzip
 * and deflate, its usual errors) and leaves it as bytes in req.body, which the preparer parses
 * with parseJsonBytes, off the event loop when workers are configured. Rejects other charsets
 * and empty bodies here; bodies of another type leave req.body undefined.
 */
export function jsonBodyBytes(limitBytes: number): RequestHandler[] {
  return [express.raw({ type: 'application/json', limit: limitBytes }), checkBytes];
}

const checkBytes: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body)) {
    req.body = undefined;
    next();
    return;
  }
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    next(new ApiError('unsupported_media_type', `charset ${charset} is not supported; send UTF-8`));
    return;
  }
  next(body.length === 0 ? new ApiError('invalid_body', 'request body is empty') : undefined);
};
