import express, { type RequestHandler } from 'express';
import { ApiError } from './api-error.js';
import { parseJsonBytes } from './json/parse-json-bytes.js';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Body handling for POST /predict: express.raw reads an application/json body (size limit,
 * gzip and deflate, its usual errors) and parseJsonBytes parses the bytes without first
 * decoding them to a string. Bodies of another type leave req.body undefined.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  return [express.raw({ type: 'application/json', limit: limitBytes }), parseBytes];
}

const parseBytes: RequestHandler = (req, _res, next) => {
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
  if (body.length === 0) {
    next(new ApiError('invalid_body', 'request body is empty'));
    return;
  }
  try {
    req.body = parseJsonBytes(body);
  } catch (error) {
    next(
      new ApiError('invalid_json', `request body is not valid JSON: ${(error as Error).message}`),
    );
    return;
  }
  next();
};
