/**
 * POST /predict as one node:http handler: metrics, bearer token, readiness, body, prediction,
 * and the error answer. Express mounts it on /predict, and the service's listener hands it
 * POST /predict directly: express's own per-request set-up cost ~100 µs of CPU per request on a
 * 2-core VM, about a fifth of a single-window request.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.js';
import { apiError, sendApiError } from '../errors/api-error.js';
import { bearerAuth } from './bearer-auth.js';
import { jsonBodyBytes } from './json-body.js';
import { type PredictRouteDeps, predictRoute } from './predict-route.js';
import { runSteps, type Step } from './steps.js';

export interface PredictEndpointDeps extends PredictRouteDeps {
  logger: Logger;
  /** Ready once the model is loaded and the outbox open; false again while shutting down. */
  isReady: () => boolean;
  authToken: string | undefined;
  maxBodyBytes: number;
}

export type Endpoint = (req: IncomingMessage, res: ServerResponse) => void;

export function createPredictEndpoint(deps: PredictEndpointDeps): Endpoint {
  const steps: Step[] = [
    measureRequests(deps.metrics),
    ...(deps.authToken === undefined ? [] : [bearerAuth(deps.authToken)]),
    requireReady(deps.isReady),
    ...jsonBodyBytes(deps.maxBodyBytes),
    predictRoute(deps),
  ];
  return (req, res) => {
    runSteps(steps, req, res, (error) => sendApiError(res, error, deps.logger));
  };
}

/** Serves POST /predict with `predict` and everything else (other spellings too) with `app`. */
export function withPredictFastLane(predict: Endpoint, app: RequestListener): RequestListener {
  return (req, res) => {
    const { url = '' } = req;
    const path = url.length > 8 && url[8] === '?' ? url.slice(0, 8) : url;
    if (req.method === 'POST' && path === '/predict') predict(req, res);
    else app(req, res);
  };
}

function measureRequests(metrics: Metrics): Step {
  return (_req, res, next) => {
    const stop = metrics.requestDuration.startTimer();
    res.on('finish', () => {
      stop();
      metrics.requests.inc({ status: String(res.statusCode) });
    });
    next();
  };
}

function requireReady(isReady: () => boolean): Step {
  return (_req, _res, next) => {
    next(isReady() ? undefined : apiError('not_ready', 'the service is not ready'));
  };
}
