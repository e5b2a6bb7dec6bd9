/**
 * Small route guards: bearer-token check, dataset lookup, JSON-only bodies, and the counter of
 * rejected events on the ingestion routes.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { MonitoredDataset } from '../datasets/monitored-dataset.js';
import type { Metrics } from '../metrics/metrics.js';
import { unsupportedContentEncoding } from '@driftwatch/core/http/content-encoding';
import { bearerTokenCheck } from '@driftwatch/core/http/bearer-token';
import { appError, toAppError } from './errors.js';
import { parseJsonInSlices } from './parse-json-in-slices.js';
import type { OneAtATime } from './one-at-a-time.js';
import { readBodyChunks } from './read-body-chunks.js';

/** Requires `Authorization: Bearer <token>` when a token is configured (see core/src/http). */
export function requireToken(token: string | undefined): RequestHandler {
  const check = token ? bearerTokenCheck(token) : undefined;
  return (req, _res, next) => {
    if (!check) return next();
    next(check(req.get('authorization')) ? undefined : appError('unauthorized'));
  };
}

export function datasetOf(req: Request): MonitoredDataset {
  const dataset = req.res?.locals.dataset as MonitoredDataset | undefined;
  if (!dataset) throw appError('unknown_dataset');
  return dataset;
}

/** Resolves `:dataset` into `res.locals.dataset`, or 404s. */
export function findDataset(datasets: ReadonlyMap<string, MonitoredDataset>): RequestHandler {
  return (req, res, next) => {
    const dataset = datasets.get(String(req.params.dataset));
    if (!dataset)
      return next(
        appError('unknown_dataset', `dataset "${req.params.dataset}" is not monitored`, {
          field: 'dataset',
        }),
      );
    res.locals.dataset = dataset;
    next();
  };
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * JSON request bodies: application/json in UTF-8, `content-encoding` by the shared rule, at most
 * `limitBytes`. The body is read as the chunks it arrived in (read-body-chunks.ts) and parsed
 * in slices (parse-json-in-slices.ts), so a batch of thousands of events never holds the event
 * loop for long. With `turns`, parsing and everything after it until the response is done wait
 * for the request's turn (one-at-a-time.ts); bodies are read meanwhile.
 */
export function jsonBody(limitBytes: number, turns?: OneAtATime): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const encoding = unsupportedContentEncoding(req.get('content-encoding'));
    if (encoding !== undefined) {
      const message = `content-encoding ${encoding} is not supported; send identity, gzip or deflate`;
      return next(appError('unsupported_media_type', message));
    }
    if (!req.is('application/json')) return next(appError('unsupported_media_type'));
    const charset = CHARSET.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      const message = `charset ${charset} is not supported; send UTF-8`;
      return next(appError('unsupported_media_type', message));
    }
    next();
  };
  const parse: RequestHandler = (req, _res, next) => {
    const chunks: unknown = req.body;
    // Until it parses, there is no body (the rejected-events counter looks at it).
    req.body = undefined;
    if (!Array.isArray(chunks)) return next(appError('invalid_json'));
    parseJsonInSlices(chunks as Buffer[]).then(
      (body) => {
        // Like express.json's strict mode: only an object or an array is a body.
        if (body === null || typeof body !== 'object') return next(appError('invalid_json'));
        req.body = body;
        next();
      },
      () => next(appError('invalid_json')),
    );
  };
  return [requireJson, readBodyChunks(limitBytes), ...(turns ? [takeTurn(turns)] : []), parse];
}

/** Waits for the request's turn, which ends when its response is done or its client went away. */
export function takeTurn(turns: OneAtATime): RequestHandler {
  return (_req, res, next) => {
    let leave: (() => void) | undefined;
    let closed = false;
    res.once('close', () => {
      closed = true;
      leave?.();
    });
    void turns.enter().then((done) => {
      // A client that went away while waiting gives its turn back unused.
      if (closed) return done();
      leave = done;
      next();
    });
  };
}

const REJECT_REASON: Record<string, string> = {
  invalid_json: 'invalid_json',
  invalid_body: 'invalid_body',
  payload_too_large: 'too_large',
  unsupported_media_type: 'invalid_body',
  store_unavailable: 'store_unavailable',
  unauthorized: 'unauthorized',
  unknown_dataset: 'unknown_dataset',
};

/** Counts the events of a rejected batch (1 when the body never parsed), then passes the error on. */
export function countRejected(metrics: Metrics, listKey: string): ErrorRequestHandler {
  return (error, req, res, next) => {
    const code = toAppError(error).code;
    const dataset = (res.locals.dataset as MonitoredDataset | undefined)?.definition.name ?? '';
    const body: unknown = req.body;
    const list = Array.isArray(body)
      ? body
      : (body as Record<string, unknown> | undefined)?.[listKey];
    const count = Array.isArray(list) && list.length > 0 ? list.length : 1;
    metrics.eventsRejected.inc({ dataset, reason: REJECT_REASON[code] ?? 'error' }, count);
    next(error);
  };
}
