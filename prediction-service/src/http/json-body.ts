import type { IncomingMessage } from 'node:http';
import express from 'express';
import { unsupportedContentEncoding } from '@driftwatch/core/http/content-encoding';
import { apiError } from '../errors/api-error.js';
import type { Step } from './steps.js';

/** A request once the body reader has run: the bytes, or undefined for another content type. */
export type WithBody = IncomingMessage & { body?: unknown };

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Body reading for POST /predict: express.raw takes an application/json body (size limit, gzip
 * and deflate, its usual errors) and leaves it as bytes in req.body, which the preparer parses
 * with parseJsonBytes, off the event loop when workers are configured. Rejects other charsets
 * and empty bodies here; bodies of another type leave req.body undefined.
 */
export function jsonBodyBytes(limitBytes: number): Step[] {
  // body-parser only uses node:http's request and response, so it runs outside express too.
  const read = express.raw({ type: 'application/json', limit: limitBytes }) as unknown as Step;
  return [checkEncoding, read, checkBytes];
}

const checkEncoding: Step = (req, _res, next) => {
  const encoding = unsupportedContentEncoding(req.headers['content-encoding']);
  if (encoding === undefined) return next();
  const message = `content-encoding ${encoding} is not supported; send identity, gzip or deflate`;
  next(apiError('unsupported_media_type', message));
};

const checkBytes: Step = (req: WithBody, _res, next) => {
  const body: unknown = req.body;
  // Another content type: the reader left no bytes, and the route answers 415.
  if (!Buffer.isBuffer(body)) {
    next();
    return;
  }
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    next(apiError('unsupported_media_type', `charset ${charset} is not supported; send UTF-8`));
    return;
  }
  next(body.length === 0 ? apiError('invalid_body', 'request body is empty') : undefined);
};
