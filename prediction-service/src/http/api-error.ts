import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendJson } from './steps.js';

/** The service's error catalogue: every error answer has one of these codes. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_body: 400,
  invalid_window: 400,
  duplicate_window_id: 400,
  unauthorized: 401,
  not_found: 404,
  batch_too_large: 413,
  body_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  model_failed: 500,
  not_ready: 503,
  outbox_full: 503,
  outbox_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Which window of a request an error is about. */
export interface WindowRef {
  index: number;
  windowId?: string;
}

export interface ErrorDetails {
  window?: WindowRef;
  /** Field path inside the window, e.g. `signals.gyro_x[17]`. */
  field?: string;
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** What the body reader (express.raw) attaches to the errors it raises. */
interface ReaderError {
  type?: unknown;
  status?: unknown;
  message?: unknown;
}

/** Errors the body reader raises before the route runs, by their `type` or status. */
function fromReaderError(error: ReaderError): ApiError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError('body_too_large', 'request body exceeds the size limit');
    case 'encoding.unsupported':
      return new ApiError('unsupported_media_type', 'request body encoding is not supported');
    default:
      // e.g. a gzip body that does not decompress: zlib's error, marked 400 by the reader.
      return error.status === 400
        ? new ApiError('invalid_body', `request body could not be read: ${String(error.message)}`)
        : undefined;
  }
}

/** Answers an error as `{ error: { code, message, window?, field? } }`; logs what is not ours. */
export function sendApiError(res: ServerResponse, error: unknown, logger: Logger): void {
  const known = error instanceof ApiError ? error : fromReaderError((error ?? {}) as ReaderError);
  const apiError = known ?? new ApiError('internal', 'internal error');
  if (!known) logger.error({ err: error }, 'unhandled error while serving a request');
  else if (apiError.status >= 500) logger.warn({ code: apiError.code }, apiError.message);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { window, field, retryAfterSeconds } = apiError.details;
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  if (apiError.code === 'unauthorized') res.setHeader('WWW-Authenticate', 'Bearer');
  sendJson(res, apiError.status, {
    error: { code: apiError.code, message: apiError.message, window, field },
  });
}

/** The express app's error middleware, for the routes express serves. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    sendApiError(res, error, logger);
  };
}
