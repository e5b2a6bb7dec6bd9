/**
 * Small route guards: bearer-token check, dataset lookup, JSON-only bodies, and the counter of
 * rejected events on the ingestion routes.
 */
import express from 'express';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { MonitoredDataset } from '../datasets/monitored-dataset.js';
import type { Metrics } from '../metrics/metrics.js';
import { unsupportedContentEncoding } from '../../../core/src/http/content-encoding.js';
import { bearerTokenCheck } from '../../../core/src/http/bearer-token.js';
import { AppError, toAppError } from './errors.js';

/** Requires `Authorization: Bearer <token>` when a token is configured (see core/src/http). */
export function requireToken(token: string | undefined): RequestHandler {
  const check = token ? bearerTokenCheck(token) : undefined;
  return (req, _res, next) => {
    if (!check) return next();
    next(check(req.get('authorization')) ? undefined : new AppError('unauthorized'));
  };
}

export function datasetOf(req: Request): MonitoredDataset {
  const dataset = req.res?.locals.dataset as MonitoredDataset | undefined;
  if (!dataset) throw new AppError('unknown_dataset');
  return dataset;
}

/** Resolves `:dataset` into `res.locals.dataset`, or 404s. */
export function findDataset(datasets: ReadonlyMap<string, MonitoredDataset>): RequestHandler {
  return (req, res, next) => {
    const dataset = datasets.get(String(req.params.dataset));
    if (!dataset)
      return next(
        new AppError(
          'unknown_dataset',
          `dataset "${req.params.dataset}" is not monitored`,
          'dataset',
        ),
      );
    res.locals.dataset = dataset;
    next();
  };
}

export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const encoding = unsupportedContentEncoding(req.get('content-encoding'));
    if (encoding !== undefined) {
      const message = `content-encoding ${encoding} is not supported; send identity, gzip or deflate`;
      return next(new AppError('unsupported_media_type', message));
    }
    next(req.is('application/json') ? undefined : new AppError('unsupported_media_type'));
  };
  return [requireJson, express.json({ limit: limitBytes, strict: true })];
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
