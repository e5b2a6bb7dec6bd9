/**
 * Per-dataset routes: event batches, delayed labels, the latest report and the original
 * `/iterate/:dataset` route. Bodies are checked here; the ingestor gets checked data only.
 */
import { Router } from 'express';
import type { RequestHandler } from 'express';
import type { Ingestor } from '../datasets/ingestor.js';
import type { MonitoredDataset } from '../datasets/monitored-dataset.js';
import type { Metrics } from '../metrics/metrics.js';
import type { EventRecord } from '../store/store.js';
import { AppError } from './errors.js';
import { countRejected, datasetOf, findDataset, jsonBody, requireToken } from './middleware.js';
import {
  batchItems,
  eventSchema,
  iterateRowSchema,
  labelSchema,
  parseOrThrow,
} from './request-schemas.js';
import { iterateRowsToEvents } from './iterate-rows.js';

export interface DatasetRoutesDeps {
  datasets: ReadonlyMap<string, MonitoredDataset>;
  ingestor: Ingestor;
  metrics: Metrics;
  authToken: string | undefined;
  maxBodyBytes: number;
  maxBatchEvents: number;
  now: () => number;
  newEventId: () => string;
}

export function datasetRoutes(deps: DatasetRoutesDeps): Router {
  const router = Router();
  const lookup = findDataset(deps.datasets);
  const write = [requireToken(deps.authToken), lookup, ...jsonBody(deps.maxBodyBytes)];
  const eventSchemas = new Map(
    [...deps.datasets].map(([name, d]) => [name, eventSchema(d.definition.featureNames)] as const),
  );
  const rowSchemas = new Map(
    [...deps.datasets].map(([name, d]) => [name, iterateRowSchema(columnsOf(d))] as const),
  );

  const postEvents: RequestHandler = async (req, res) => {
    const dataset = datasetOf(req);
    const { items, path } = batchItems(req.body, 'events', deps.maxBatchEvents);
    const schema = eventSchemas.get(dataset.definition.name)!;
    const events = items.map(
      (item, i) => parseOrThrow(schema, item, `${path}[${i}]`) as EventRecord,
    );
    res.json(await deps.ingestor.ingestEvents(dataset, events));
  };
  router.post(
    '/v1/datasets/:dataset/events',
    ...write,
    postEvents,
    countRejected(deps.metrics, 'events'),
  );

  router.post('/v1/datasets/:dataset/labels', ...write, async (req, res) => {
    const dataset = datasetOf(req);
    const { items, path } = batchItems(req.body, 'labels', deps.maxBatchEvents);
    const labels = items.map((item, i) => parseOrThrow(labelSchema, item, `${path}[${i}]`));
    res.json(await deps.ingestor.ingestLabels(dataset, labels));
  });

  const postRows: RequestHandler = async (req, res) => {
    const dataset = datasetOf(req);
    if (!Array.isArray(req.body))
      throw new AppError('invalid_body', 'the body must be a JSON array of rows');
    const { items } = batchItems(req.body, 'rows', deps.maxBatchEvents);
    const schema = rowSchemas.get(dataset.definition.name)!;
    const rows = items.map((item, i) => parseOrThrow(schema, item, `[${i}]`));
    const events = iterateRowsToEvents(rows, columnsOf(dataset), deps.now, deps.newEventId);
    res.json(await deps.ingestor.ingestEvents(dataset, events));
  };
  router.post('/iterate/:dataset', ...write, postRows, countRejected(deps.metrics, 'rows'));

  router.get('/v1/datasets/:dataset/report', lookup, (req, res) => {
    const report = datasetOf(req).job.latestReport;
    if (!report) throw new AppError('report_not_ready');
    res.json(report);
  });
  return router;
}

function columnsOf(dataset: MonitoredDataset) {
  const d = dataset.definition;
  return {
    featureNames: d.featureNames,
    predictionColumn: d.predictionColumn,
    targetColumn: d.targetColumn,
    probabilityColumns: Object.values(d.probabilityColumns),
    probabilityByClass: d.probabilityColumns,
  };
}
