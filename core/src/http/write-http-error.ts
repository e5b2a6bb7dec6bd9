import type { ServerResponse } from 'node:http';
import type { HttpError } from './http-error.js';

/**
 * Answers `error` as `{ "error": { "code", "message", ...context, "field"? } }` with its status,
 * `Retry-After` when the error carries one and `WWW-Authenticate: Bearer` on a 401. When the
 * answer has already begun, the connection is closed instead, so the client sees a failure
 * rather than a truncated success.
 */
export function writeHttpError(res: ServerResponse, error: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify({ error: error.toBody() });
  res.statusCode = error.status;
  if (error.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
  }
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
