/**
 * The monitoring service's part of a simulated run, in process and on a simulated clock: the
 * shipped dataset configuration opened as the service opens it (reference profile, sliding
 * windows, report job), the service's ingestor (events, then labels joined by event id), and its
 * metrics publisher writing into a registry of the run's own. The reference is read and fitted
 * once per process and shared by every run.
 */
import { Registry } from 'prom-client';
import {
  type DatasetEntry,
  loadDatasetsConfig,
} from '../../monitoring-service/src/datasets/datasets-config.js';
import { driftEngine } from '../../monitoring-service/src/datasets/drift-engine.js';
import { Ingestor } from '../../monitoring-service/src/datasets/ingestor.js';
import {
  type DriftEngine,
  type MonitoredDataset,
  openDataset,
  testedColumns,
} from '../../monitoring-service/src/datasets/monitored-dataset.js';
import type { DriftTable, ReferenceProfile } from '../../core/src/drift/engine-api.js';
import { createMetrics } from '../../monitoring-service/src/metrics/metrics.js';
import { SnapshotPublisher } from '../../monitoring-service/src/metrics/publish-snapshot.js';
import type { SeriesValues } from './alert-conditions.js';
import { EvaluationStore } from './evaluation-store.js';

export interface MonitoringSide {
  readonly dataset: MonitoredDataset;
  readonly ingestor: Ingestor;
  /** Sets the simulated clock, seconds since the run started. */
  setTime(seconds: number): void;
  /** The current value of every published series. */
  series(): Promise<SeriesValues>;
}

/** The first dataset of the shipped configuration, with its reference read and fitted once. */
export async function loadMonitoredEntry(configPath: string): Promise<{
  entry: DatasetEntry;
  engine: DriftEngine;
}> {
  const [entry] = await loadDatasetsConfig(configPath);
  if (!entry) throw new Error(`${configPath} configures no dataset`);
  const tables = new Map<string, Promise<DriftTable>>();
  const profiles = new WeakMap<DriftTable, ReferenceProfile>();
  const engine: DriftEngine = {
    ...driftEngine,
    readReferenceTable(path, definition) {
      const key = `${path}\n${testedColumns(definition).join(',')}`;
      if (!tables.has(key)) tables.set(key, driftEngine.readReferenceTable(path, definition));
      return tables.get(key)!;
    },
    fitReferenceProfile(table, featureNames) {
      let profile = profiles.get(table);
      if (!profile) {
        profile = driftEngine.fitReferenceProfile(table, featureNames);
        profiles.set(table, profile);
      }
      return profile;
    },
  };
  return { entry, engine };
}

const RUN_START_MS = Date.UTC(2026, 0, 1);

export async function openMonitoringSide(
  entry: DatasetEntry,
  engine: DriftEngine,
  storeCapacity: number,
): Promise<MonitoringSide> {
  let nowMs = RUN_START_MS;
  const now = () => nowMs;
  const registry = new Registry();
  const metrics = createMetrics(registry);
  const publisher = new SnapshotPublisher(metrics);
  const store = new EvaluationStore(storeCapacity, now);
  const dataset = await openDataset(entry, {
    store,
    engine,
    publisher,
    now,
    onError: (error) => {
      throw error;
    },
  });
  return {
    dataset,
    ingestor: new Ingestor(store, metrics),
    setTime(seconds) {
      nowMs = RUN_START_MS + seconds * 1000;
    },
    async series() {
      const values = new Map<
        string,
        { labels: Record<string, string | number>; value: number }[]
      >();
      for (const metric of await registry.getMetricsAsJSON()) {
        values.set(metric.name, metric.values as never);
      }
      return values;
    },
  };
}
