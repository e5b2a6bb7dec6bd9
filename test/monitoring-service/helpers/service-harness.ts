/**
 * The monitoring service assembled in-process as main.ts does, on a temporary embedded store and
 * the toy dataset fixture, with the clock and the engine injected.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import type { Express } from 'express';
import { createApp } from '../../../monitoring-service/src/app.js';
import { loadDatasetsConfig } from '../../../monitoring-service/src/datasets/datasets-config.js';
import { Ingestor } from '../../../monitoring-service/src/datasets/ingestor.js';
import type {
  DriftEngine,
  MonitoredDataset,
} from '../../../monitoring-service/src/datasets/monitored-dataset.js';
import { openDatasets } from '../../../monitoring-service/src/datasets/open-datasets.js';
import { createMetrics } from '../../../monitoring-service/src/metrics/metrics.js';
import { SnapshotPublisher } from '../../../monitoring-service/src/metrics/publish-snapshot.js';
import { EmbeddedStore } from '../../../monitoring-service/src/store/embedded/embedded-store.js';
import { scheduleJobs } from '../../../monitoring-service/src/datasets/schedule-jobs.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { ManualScheduler } from './manual-scheduler.js';

export const TOY_CONFIG = join(FIXTURES_DIR, 'monitoring-service', 'datasets.yaml');

export interface Harness {
  app: Express;
  registry: Registry;
  store: EmbeddedStore;
  /** The embedded store's directory. */
  dir: string;
  datasets: Map<string, MonitoredDataset>;
  toy: MonitoredDataset;
  clock: { nowMs: number };
  scheduler: ManualScheduler;
  errors: unknown[];
  close(): Promise<void>;
}

/** The service on `configPath` (default: the toy dataset); `toy` is its first dataset. */
export async function startHarness(
  engine: DriftEngine,
  authToken?: string,
  configPath = TOY_CONFIG,
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'monitoring-harness-'));
  const clock = { nowMs: Date.parse('2024-05-01T12:00:00Z') };
  const now = () => clock.nowMs;
  const errors: unknown[] = [];
  const onError = (error: unknown) => errors.push(error);
  const retention = { maxAgeMs: 7 * 24 * 3600_000, maxEventsPerDataset: 100_000 };
  const store = await EmbeddedStore.open({ dir, retention, now, onError });
  const registry = new Registry();
  const metrics = createMetrics(registry);
  const publisher = new SnapshotPublisher(metrics);
  const entries = await loadDatasetsConfig(configPath);
  const deps = { store, engine, publisher, now, onError, checkSchedule: () => undefined };
  const datasets = await openDatasets(entries, deps);
  const scheduler = new ManualScheduler();
  scheduleJobs(datasets.values(), scheduler);
  const app = createApp({
    datasets,
    ingestor: new Ingestor(store, metrics, datasets.keys()),
    registry,
    metrics,
    authToken,
    maxBodyBytes: 256 * 1024,
    maxBatchEvents: 500,
    isReady: () => true,
    now,
    newEventId: randomUUID,
    log: { error: (details) => errors.push(details), warn: () => undefined },
  });
  return {
    app,
    registry,
    store,
    dir,
    datasets,
    toy: datasets.get(entries[0]!.name)!,
    clock,
    scheduler,
    errors,
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One event of the toy dataset. */
export function toyEvent(eventId: string, f1 = 0.5, extra: Record<string, unknown> = {}) {
  return {
    eventId,
    timestamp: '2024-05-01T11:59:00Z',
    features: { f1, f2: 0.25, f3: 1.5 },
    prediction: 'walk',
    ...extra,
  };
}

/** Reads one sample value from the registry, or undefined when the series does not exist. */
export async function sample(registry: Registry, name: string, labels: Record<string, string>) {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const found = values.find((v) =>
    Object.entries(labels).every(([k, val]) => String(v.labels[k]) === val),
  );
  return found?.value;
}
