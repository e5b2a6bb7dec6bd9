/**
 * Both services in-process on loopback ports, wired so that an acknowledged /predict has already
 * put its events into the monitoring service (no outbox in between): a test can ask for a drift
 * report right after the sender's batch and know exactly which windows it covers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createApp as createMonitoringApp } from '../../../monitoring-service/src/app.js';
import { loadDatasetsConfig } from '../../../monitoring-service/src/datasets/datasets-config.js';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import { Ingestor } from '../../../monitoring-service/src/datasets/ingestor.js';
import type { MonitoredDataset } from '../../../monitoring-service/src/datasets/monitored-dataset.js';
import { openDatasets } from '../../../monitoring-service/src/datasets/open-datasets.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { createMetrics as createMonitoringMetrics } from '../../../monitoring-service/src/metrics/metrics.js';
import { SnapshotPublisher } from '../../../monitoring-service/src/metrics/publish-snapshot.js';
import { EmbeddedStore } from '../../../monitoring-service/src/store/embedded/embedded-store.js';
import type { EventRecord } from '../../../monitoring-service/src/store/store.js';
import { createApp as createPredictionApp } from '../../../prediction-service/src/app.js';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import { createMetrics as createPredictionMetrics } from '../../../prediction-service/src/metrics/metrics.js';
import { loadModel } from '../../../prediction-service/src/model/load-model.js';
import { inlinePreparer } from '../../../prediction-service/src/predict/prepare-pool.js';
import { createPredictor } from '../../../prediction-service/src/predict/predictor.js';
import type { ScenarioModel } from './scenario-model.js';

export interface StackOptions {
  windowSizeEvents: number;
  minWindowEvents: number;
  authToken?: string;
}

export interface ScenarioStack {
  predictionUrl: string;
  monitoringUrl: string;
  dataset: MonitoredDataset;
  /** Runs the drift job now and returns the latest report (null below the minimum). */
  report(): Promise<DriftReport | null>;
  close(): Promise<void>;
}

function listen(app: Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1');
    server.once('error', reject).once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function openMonitoring(model: ScenarioModel, dir: string, o: StackOptions) {
  const config = join(dir, 'datasets.json');
  const reference = { data: model.referenceCsvPath, schema: model.referenceSchemaPath };
  const entry = {
    name: 'exercise_group',
    reference,
    windowSizeEvents: o.windowSizeEvents,
    minWindowEvents: o.minWindowEvents,
  };
  await writeFile(config, JSON.stringify({ datasets: [entry] }));
  const retention = { maxAgeMs: 7 * 24 * 3600_000, maxEventsPerDataset: 1_000_000 };
  const onError = (error: unknown) => {
    throw error;
  };
  const store = await EmbeddedStore.open({ dir: join(dir, 'store'), retention, onError });
  const registry = new Registry();
  const metrics = createMonitoringMetrics(registry);
  const deps = {
    store,
    engine: driftEngine,
    publisher: new SnapshotPublisher(metrics),
    now: Date.now,
    onError,
  };
  const datasets = await openDatasets(await loadDatasetsConfig(config), {
    ...deps,
    checkSchedule: () => undefined,
  });
  const ingestor = new Ingestor(store, metrics, datasets.keys());
  const app = createMonitoringApp({
    datasets,
    ingestor,
    registry,
    metrics,
    authToken: o.authToken,
    maxBodyBytes: 16 << 20,
    maxBatchEvents: 5000,
    isReady: () => true,
    now: Date.now,
    newEventId: randomUUID,
    log: { error: () => undefined, warn: () => undefined },
  });
  return { app, store, ingestor, dataset: datasets.get('exercise_group')! };
}

async function openPrediction(
  model: ScenarioModel,
  o: StackOptions,
  store: (events: EventRecord[]) => Promise<unknown>,
) {
  const registry = new Registry();
  const limits = { windowLengthSamples: 151, sampleRateHz: 50 };
  const preparer = inlinePreparer({ ...limits, maxBatchWindows: 256 });
  return createPredictionApp({
    prepare: (body) => preparer.prepare(body),
    predict: createPredictor({
      model: await loadModel(model.cardPath, { featureNames: FEATURE_NAMES, ...limits }),
    }),
    storeEvents: async (events) => {
      await store(events.map((e) => JSON.parse(e) as EventRecord));
    },
    metrics: createPredictionMetrics(registry),
    registry,
    logger: pino({ level: 'silent' }),
    isReady: () => true,
    authToken: o.authToken,
    maxBodyBytes: 16 << 20,
  });
}

export async function startScenarioStack(
  model: ScenarioModel,
  o: StackOptions,
): Promise<ScenarioStack> {
  const dir = await mkdtemp(join(tmpdir(), 'sender-stack-'));
  const monitoring = await openMonitoring(model, dir, o);
  const m = await listen(monitoring.app);
  const predictionApp = await openPrediction(model, o, (events) =>
    monitoring.ingestor.ingestEvents(monitoring.dataset, events),
  );
  const p = await listen(predictionApp);
  return {
    predictionUrl: p.url,
    monitoringUrl: m.url,
    dataset: monitoring.dataset,
    async report() {
      await monitoring.dataset.job.run();
      return monitoring.dataset.job.latestReport;
    },
    async close() {
      await Promise.all([closeServer(p.server), closeServer(m.server)]);
      await monitoring.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
