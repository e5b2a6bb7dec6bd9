/**
 * The monitoring service's HTTP app, built from its dependencies; it never listens and never
 * reads the environment (main.ts does both).
 */
import express from 'express';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { Ingestor } from './datasets/ingestor.js';
import type { MonitoredDataset } from './datasets/monitored-dataset.js';
import { datasetRoutes } from './http/dataset-routes.js';
import { appError, errorMiddleware } from './http/errors.js';
import { opsRoutes } from './http/ops-routes.js';
import type { Metrics } from './metrics/metrics.js';
import { publishZeroSeries } from './metrics/zero-series.js';
import type { AlertRecord } from './store/store.js';

export interface AppDeps {
  datasets: ReadonlyMap<string, MonitoredDataset>;
  ingestor: Ingestor;
  registry: Registry;
  metrics: Metrics;
  /** Bearer token required on write routes; undefined leaves them open. */
  authToken: string | undefined;
  maxBodyBytes: number;
  maxBatchEvents: number;
  isReady: () => boolean;
  now: () => number;
  newEventId: () => string;
  log: {
    error(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
}

export function createApp(deps: AppDeps): Express {
  // Scrapes show 0 rather than nothing for counters no request has touched yet.
  for (const dataset of deps.datasets.keys()) publishZeroSeries(deps.metrics, dataset);
  const app = express();
  app.disable('x-powered-by');
  app.use(datasetRoutes(deps));
  app.use(
    opsRoutes({
      ...deps,
      onAlert: (alert: AlertRecord) =>
        deps.log.warn({ alert }, `alert ${alert.alertname} ${alert.status}`),
    }),
  );
  app.use((_req, _res, next) => next(appError('not_found')));
  app.use(errorMiddleware((error) => deps.log.error({ err: error }, 'request failed')));
  return app;
}
