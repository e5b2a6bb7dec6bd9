import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ApiError, errorMiddleware } from './http/api-error.js';
import { bearerAuth } from './http/bearer-auth.js';
import { jsonBodyBytes } from './http/json-body.js';
import { predictRoute } from './http/predict-route.js';
import type { Metrics } from './metrics.js';
import type { PreparedBatch } from './predict/prepare-batch.js';
import type { Predictor } from './predict/predictor.js';

export interface AppDeps {
  prepare: (body: Buffer) => Promise<PreparedBatch>;
  predict: Predictor;
  storeEvents: (events: readonly string[]) => Promise<void>;
  metrics: Metrics;
  registry: Registry;
  logger: Logger;
  /** Ready once the model is loaded and the outbox open; false again while shutting down. */
  isReady: () => boolean;
  authToken: string | undefined;
  maxBodyBytes: number;
}

/** The HTTP app; listening and shutdown belong to main.ts. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });

  const guard: RequestHandler[] = deps.authToken === undefined ? [] : [bearerAuth(deps.authToken)];
  app.post(
    '/predict',
    measureRequests(deps.metrics),
    ...guard,
    requireReady(deps.isReady),
    ...jsonBodyBytes(deps.maxBodyBytes),
    predictRoute(deps),
  );

  app.use((_req, _res, next) => {
    next(new ApiError('not_found', 'no such route'));
  });
  app.use(errorMiddleware(deps.logger));
  return app;
}

function measureRequests(metrics: Metrics): RequestHandler {
  return (_req, res, next) => {
    const stop = metrics.requestDuration.startTimer();
    res.on('finish', () => {
      stop();
      metrics.requests.inc({ status: String(res.statusCode) });
    });
    next();
  };
}

function requireReady(isReady: () => boolean): RequestHandler {
  return (_req, _res, next) => {
    next(isReady() ? undefined : new ApiError('not_ready', 'the service is not ready'));
  };
}
