/**
 * The prediction service's error catalogue, built on the shared error class and writer of
 * core/src/http. Every error answer is `{ "error": { "code", "message", "window"?, "field"? } }`,
 * where `window` says which window of a batch the error is about.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import {
  type ErrorCatalogue,
  errorFactory,
  HttpError,
  type HttpErrorOptions,
} from '@driftwatch/core/http/http-error';
import { writeHttpError } from '@driftwatch/core/http/write-http-error';
import { bodyReadFailure } from '@driftwatch/core/http/body-read-failure';

const CATALOGUE = {
  invalid_json: { status: 400, message: 'request body is not valid JSON' },
  invalid_body: { status: 400, message: 'request body does not match the schema' },
  invalid_window: { status: 400, message: 'a window is not valid' },
  duplicate_window_id: { status: 400, message: 'a windowId repeats within the batch' },
  unauthorized: { status: 401, message: 'a valid bearer token is required' },
  not_found: { status: 404, message: 'no such route' },
  batch_too_large: { status: 413, message: 'the batch has too many windows' },
  body_too_large: { status: 413, message: 'request body exceeds the size limit' },
  unsupported_media_type: { status: 415, message: 'send the body as application/json' },
  internal: { status: 500, message: 'internal error' },
  model_failed: { status: 500, message: 'inference failed' },
  not_ready: { status: 503, message: 'the service is not ready' },
  outbox_full: { status: 503, message: 'the forwarding outbox is full; retry later' },
  outbox_unavailable: { status: 503, message: 'cannot store events' },
} as const;

export type ErrorCode = keyof typeof CATALOGUE;
export const PREDICTION_ERRORS: ErrorCatalogue<ErrorCode> = CATALOGUE;

/** Builds the service's errors: status from the catalogue, message from the catalogue unless given. */
export const apiError = errorFactory(PREDICTION_ERRORS);

/** Which window of a request an error is about. */
export interface WindowRef {
  index: number;
  windowId?: string;
}

/** The options naming window `index` (and its id, when it has one) and the offending field. */
export function aboutWindow(index: number, windowId: string | undefined, field?: string) {
  const window: WindowRef = windowId === undefined ? { index } : { index, windowId };
  return { context: { window }, field } satisfies HttpErrorOptions;
}

/** Errors the body reader raises before the route runs, in the catalogue's terms. */
function fromReaderError(error: unknown): HttpError<ErrorCode> | undefined {
  switch (bodyReadFailure(error)) {
    case 'too_large':
      return apiError('body_too_large');
    case 'unsupported_encoding':
      return apiError('unsupported_media_type', 'request body encoding is not supported');
    case 'not_json':
      return apiError('invalid_json');
    case 'undecodable': {
      const reason = String((error as { message?: unknown }).message);
      return apiError('invalid_body', `request body could not be read: ${reason}`);
    }
    default:
      return undefined;
  }
}

/** Answers an error with the shared writer; logs what is not ours. */
export function sendApiError(res: ServerResponse, error: unknown, logger: Logger): void {
  const known = error instanceof HttpError ? error : fromReaderError(error);
  const httpError = known ?? apiError('internal');
  if (!known) logger.error({ err: error }, 'unhandled error while serving a request');
  else if (httpError.status >= 500) logger.warn({ code: httpError.code }, httpError.message);
  writeHttpError(res, httpError);
}

/** The express app's error middleware, for the routes express serves. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    sendApiError(res, error, logger);
  };
}
