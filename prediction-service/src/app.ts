import express from 'express';
import type { Registry } from 'prom-client';
import { apiError, errorMiddleware } from './errors/api-error.js';
import {
  createPredictEndpoint,
  type Endpoint,
  type PredictEndpointDeps,
} from './http/predict-endpoint.js';

export interface AppDeps extends PredictEndpointDeps {
  registry: Registry;
}

/**
 * The HTTP app; listening and shutdown belong to main.ts, which also hands POST /predict to
 * `predict` without going through express (withPredictFastLane).
 */
export function createApp(
  deps: AppDeps,
  predict: Endpoint = createPredictEndpoint(deps),
): express.Express {
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

  app.post('/predict', predict);

  app.use((_req, _res, next) => {
    next(apiError('not_found', 'no such route'));
  });
  app.use(errorMiddleware(deps.logger));
  return app;
}
