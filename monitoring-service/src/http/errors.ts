/**
 * The service's error catalogue and its one error middleware, built on the shared error class
 * and writer of core/src/http. Every error answer is `{ "error": { "code", "message", "field"? } }`.
 */
import type { ErrorRequestHandler } from 'express';
import { type ErrorCatalogue, errorFactory, HttpError } from '@driftwatch/core/http/http-error';
import { writeHttpError } from '@driftwatch/core/http/write-http-error';
import { bodyReadFailure } from '@driftwatch/core/http/body-read-failure';
import { StoreUnavailableError } from '../store/store.js';

/** What a 503 for a store that cannot write asks the client to wait before retrying. */
export const STORE_RETRY_AFTER_SECONDS = 1;

const CATALOGUE = {
  invalid_json: { status: 400, message: 'the request body is not valid JSON' },
  invalid_body: { status: 400, message: 'the request body does not match the schema' },
  unauthorized: { status: 401, message: 'a valid bearer token is required' },
  unknown_dataset: { status: 404, message: 'no such dataset is monitored' },
  report_not_ready: { status: 404, message: 'no report has been computed for this dataset yet' },
  not_found: { status: 404, message: 'no such route' },
  payload_too_large: { status: 413, message: 'the request body is too large' },
  unsupported_media_type: { status: 415, message: 'the request body must be application/json' },
  not_ready: { status: 503, message: 'the service is not ready' },
  store_unavailable: {
    status: 503,
    message: 'the store cannot write right now (e.g. a full disk); nothing was stored, retry later',
  },
  internal: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof CATALOGUE;
export const ERRORS: ErrorCatalogue<ErrorCode> = CATALOGUE;

/** Builds the service's errors: status from the catalogue, message from the catalogue unless given. */
export const appError = errorFactory(ERRORS);

/** Our errors pass through; a store that cannot write and body-read failures map onto the catalogue. */
export function toAppError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreUnavailableError) {
    return appError('store_unavailable', undefined, {
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    });
  }
  switch (bodyReadFailure(error)) {
    case 'not_json':
      return appError('invalid_json');
    case 'too_large':
      return appError('payload_too_large');
    case 'unsupported_encoding':
      return appError('unsupported_media_type');
    case 'undecodable':
      return appError('invalid_body', 'the request body could not be decoded');
    default:
      return appError('internal');
  }
}

export function errorMiddleware(onInternal: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const httpError = toAppError(error);
    if (httpError.code === 'internal') onInternal(error);
    writeHttpError(res, httpError);
  };
}
