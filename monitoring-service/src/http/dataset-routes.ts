/**
 * Per-dataset routes: event batches, delayed labels, the latest report (JSON and HTML) and the original
 * `/iterate/:dataset` route. Bodies are checked here; the ingestor gets checked data only.
 */
import { Router } from 'express';
import type { RequestHandler } from 'express';
import type { Ingestor } from '../datasets/ingestor.js';
import type { MonitoredDataset } from '../datasets/monitored-dataset.js';
import { resolveThresholds } from '@driftwatch/core/drift/decision-rules';
import { withSettings } from '@driftwatch/core/drift/report-settings';
import type { Metrics } from '../metrics/metrics.js';
import type { EventRecord } from '../store/store.js';
import { appError } from './errors.js';
import { countRejected, datasetOf, findDataset, jsonBody, requireToken } from './middleware.js';
import { batchItems, iterateRowSchema, parseOrThrow } from './request-schemas.js';
import { eventSchema, labelSchema } from '@driftwatch/core/contract/event-schemas';
import { iterateRowsToEvents } from './iterate-rows.js';
import { OneAtATime } from './one-at-a-time.js';
import { mapInSlices } from '@driftwatch/core/async/map-in-slices';
import { reportPageHandler } from './report-page-route.js';

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
  // One batch parsed and ingested at a time: see one-at-a-time.ts.
  const turns = new OneAtATime();
  const write = [requireToken(deps.authToken), lookup, ...jsonBody(deps.maxBodyBytes, turns)];
  const rejected = (key: string) => countRejected(deps.metrics, key);
  router.post('/v1/datasets/:dataset/events', ...write, postEvents(deps), rejected('events'));
  router.post('/v1/datasets/:dataset/labels', ...write, postLabels(deps));
  router.post('/iterate/:dataset', ...write, postRows(deps), rejected('rows'));
  router.get('/v1/datasets/:dataset/report', lookup, (req, res) => {
    const dataset = datasetOf(req);
    const report = dataset.job.latestReport;
    if (!report) throw appError('report_not_ready');
    // As the drift CLI prints it: the pinned report plus the settings that decided it.
    res.json(withSettings(report, resolveThresholds(dataset.definition.reportOptions)));
  });
  router.get('/v1/datasets/:dataset/report.html', lookup, reportPageHandler());
  return router;
}

/** Schemas are built once per dataset: the feature names are part of them. */
function schemasBy<T>(deps: DatasetRoutesDeps, build: (d: MonitoredDataset) => T): Map<string, T> {
  return new Map([...deps.datasets].map(([name, d]) => [name, build(d)] as const));
}

function postEvents(deps: DatasetRoutesDeps): RequestHandler {
  const schemas = schemasBy(deps, (d) =>
    eventSchema(d.definition.featureNames, d.definition.classLabels, d.definition.monitoredColumns),
  );
  return async (req, res) => {
    const dataset = datasetOf(req);
    const { items, path } = batchItems(req.body, 'events', deps.maxBatchEvents);
    const schema = schemas.get(dataset.definition.name)!;
    const events = await mapInSlices(
      items,
      (item, i) => parseOrThrow(schema, item, `${path}[${i}]`) as EventRecord,
    );
    res.json(await deps.ingestor.ingestEvents(dataset, events));
  };
}

function postLabels(deps: DatasetRoutesDeps): RequestHandler {
  const schemas = schemasBy(deps, (d) => labelSchema(d.definition.classLabels));
  return async (req, res) => {
    const dataset = datasetOf(req);
    const { items, path } = batchItems(req.body, 'labels', deps.maxBatchEvents);
    const schema = schemas.get(dataset.definition.name)!;
    const labels = await mapInSlices(items, (item, i) =>
      parseOrThrow(schema, item, `${path}[${i}]`),
    );
    res.json(await deps.ingestor.ingestLabels(dataset, labels));
  };
}

function postRows(deps: DatasetRoutesDeps): RequestHandler {
  const schemas = schemasBy(deps, (d) => iterateRowSchema(columnsOf(d)));
  return async (req, res) => {
    const dataset = datasetOf(req);
    if (!Array.isArray(req.body)) {
      throw appError('invalid_body', 'the body must be a JSON array of rows');
    }
    const { items } = batchItems(req.body, 'rows', deps.maxBatchEvents);
    const schema = schemas.get(dataset.definition.name)!;
    const rows = await mapInSlices(items, (item, i) => parseOrThrow(schema, item, `[${i}]`));
    const events = iterateRowsToEvents(rows, columnsOf(dataset), deps.now, deps.newEventId);
    res.json(await deps.ingestor.ingestEvents(dataset, events));
  };
}

function columnsOf(dataset: MonitoredDataset) {
  const d = dataset.definition;
  return {
    featureNames: d.featureNames,
    monitoredColumns: d.monitoredColumns,
    classLabels: d.classLabels,
    predictionColumn: d.predictionColumn,
    targetColumn: d.targetColumn,
    probabilityColumns: Object.values(d.probabilityColumns),
    probabilityByClass: d.probabilityColumns,
  };
}
