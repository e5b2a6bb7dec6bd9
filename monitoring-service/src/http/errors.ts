/**
 * The service's error catalogue and its one error middleware. Every error answer is
 * `{ "error": { "code", "message", "field"? } }`.
 */
import type { ErrorRequestHandler } from 'express';
import { StoreUnavailableError } from '../store/store.js';

/** What a 503 for a store that cannot write asks the client to wait before retrying. */
export const STORE_RETRY_AFTER_SECONDS = 1;

export const ERRORS = {
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

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly field?: string,
  ) {
    super(message);
    this.status = ERRORS[code].status;
  }
}

/** Body-parser failures carry a `type`; map them onto the catalogue. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof StoreUnavailableError) return new AppError('store_unavailable');
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('invalid_json');
  if (type === 'entity.too.large') return new AppError('payload_too_large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('unsupported_media_type');
  }
  // e.g. a gzip body that does not inflate: zlib's error, marked 400 by the body reader.
  if ((error as { status?: unknown } | null)?.status === 400) {
    return new AppError('invalid_body', 'the request body could not be decoded');
  }
  return new AppError('internal');
}

export function errorMiddleware(onInternal: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') onInternal(error);
    if (appError.code === 'unauthorized') res.setHeader('WWW-Authenticate', 'Bearer');
    if (appError.code === 'store_unavailable') {
      res.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    }
    const body: Record<string, string> = { code: appError.code, message: appError.message };
    if (appError.field !== undefined) body.field = appError.field;
    res.status(appError.status).json({ error: body });
  };
}
