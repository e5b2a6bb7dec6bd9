/**
 * Request handling in plain node:http terms. Express accepts these functions as middleware, and
 * the service's listener can run them without express (see predict-endpoint.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Next = (error?: unknown) => void;

/** Middleware-shaped: answers, or calls next() to go on, or next(error) to fail the request. */
export type Step = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** Runs `steps` in order; the first error (passed to next or thrown) goes to `fail`. */
export function runSteps(
  steps: readonly Step[],
  req: IncomingMessage,
  res: ServerResponse,
  fail: (error: unknown) => void,
): void {
  let at = 0;
  const next: Next = (error) => {
    if (error !== undefined) {
      fail(error);
      return;
    }
    const step = steps[at++];
    if (!step) return;
    try {
      step(req, res, next);
    } catch (thrown) {
      fail(thrown);
    }
  };
  next();
}

/** Answers `body` as JSON, as express's res.json would. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
