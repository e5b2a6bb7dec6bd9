/**
 * Brings one configured dataset to life: resolves its columns from the reference schema, fits the
 * reference profile, rebuilds its windows from the store and prepares its drift job.
 */
import type {
  DriftTable,
  ReferenceProfile,
  ReportOptions,
} from '@driftwatch/core/drift/engine-api';
import { NullCalibrator } from '@driftwatch/core/drift/null-calibrator';
import type { ComputeDriftReport, ComputeLabelQuality } from '../snapshots/build-snapshot.js';
import { sharesOf } from '../snapshots/monitoring-snapshot.js';
import type { ReferenceSummary } from '../snapshots/monitoring-snapshot.js';
import { ReportJob } from '../jobs/report-job.js';
import type { SnapshotPublisher } from '../metrics/publish-snapshot.js';
import type { Store } from '../store/store.js';
import { DatasetWindows } from '../windows/dataset-windows.js';
import { ConfigError } from './datasets-config.js';
import type { DatasetEntry } from './datasets-config.js';
import { loadReferenceSchema } from './reference-schema.js';
import type { ReferenceSchema } from './reference-schema.js';

export interface DatasetDefinition {
  name: string;
  featureNames: readonly string[];
  /**
   * Numerical columns tested for drift like features that are not model inputs (events carry
   * them in `monitored`).
   */
  monitoredColumns: readonly string[];
  predictionColumn: string;
  targetColumn: string | null;
  /** Probability column per class. */
  probabilityColumns: Readonly<Record<string, string>>;
  /**
   * Reference column of the group (person, session) of each row; with it, drift decisions are
   * calibrated for how clustered each window is (by its events' metadata.deviceId).
   */
  groupColumn: string | null;
  /** The model's classes; predictions and labels outside them are rejected (none = any). */
  classLabels: readonly string[];
  modelVersion: string;
  windowSizeEvents: number;
  minWindowEvents: number;
  schedule: string;
  reportOptions: ReportOptions;
}

/** The drift engine as the service uses it (injected so tests can use a small fake). */
export interface DriftEngine {
  readReferenceTable(path: string, definition: DatasetDefinition): Promise<DriftTable>;
  fitReferenceProfile(reference: DriftTable, featureNames: readonly string[]): ReferenceProfile;
  computeDriftReport: ComputeDriftReport;
  computeLabelQuality: ComputeLabelQuality;
}

export interface MonitoredDataset {
  definition: DatasetDefinition;
  reference: ReferenceSummary;
  windows: DatasetWindows;
  job: ReportJob;
}

export interface OpenDatasetDeps {
  store: Store;
  engine: DriftEngine;
  publisher: SnapshotPublisher;
  now: () => number;
  onError: (error: unknown) => void;
}

export function defineDataset(entry: DatasetEntry, schema: ReferenceSchema): DatasetDefinition {
  const definition: DatasetDefinition = {
    name: entry.name,
    featureNames: entry.features ?? schema.features,
    monitoredColumns: entry.monitored ?? schema.monitored,
    predictionColumn: entry.prediction ?? schema.prediction,
    targetColumn: entry.target === undefined ? (schema.target ?? null) : entry.target,
    probabilityColumns: entry.probabilities ?? schema.probabilities,
    groupColumn: schema.group ?? null,
    classLabels: schema.classLabels,
    modelVersion: schema.modelVersion,
    windowSizeEvents: entry.windowSizeEvents,
    minWindowEvents: entry.minWindowEvents,
    schedule: entry.schedule,
    reportOptions: {
      alpha: entry.alpha,
      driftShare: entry.driftShare,
      benjaminiHochberg: entry.benjaminiHochberg,
    },
  };
  const columns = [
    ...definition.featureNames,
    ...definition.monitoredColumns,
    definition.predictionColumn,
    definition.targetColumn,
  ];
  const named = columns.filter((c): c is string => c !== null);
  const repeated = named.find((c, i) => named.indexOf(c) !== i);
  if (repeated !== undefined) {
    throw new ConfigError(
      `dataset ${entry.name}: column "${repeated}" is named twice among features/monitored/prediction/target`,
    );
  }
  return definition;
}

/** The columns the drift run tests: the features, then the monitored-only columns. */
export function testedColumns(definition: DatasetDefinition): readonly string[] {
  return [...definition.featureNames, ...definition.monitoredColumns];
}

export async function openDataset(
  entry: DatasetEntry,
  deps: OpenDatasetDeps,
): Promise<MonitoredDataset> {
  const definition = defineDataset(entry, await loadReferenceSchema(entry.reference.schema));
  const table = await deps.engine.readReferenceTable(entry.reference.data, definition);
  const profile = deps.engine.fitReferenceProfile(table, testedColumns(definition));
  const reference: ReferenceSummary = {
    hash: profile.hash,
    modelVersion: definition.modelVersion,
    quality: profile.quality,
    shares: {
      prediction: sharesOf(profile.predictionCounts),
      label: sharesOf(profile.targetCounts),
    },
  };
  deps.publisher.publishReference(definition.name, reference);
  const windows = await DatasetWindows.load(
    deps.store,
    definition.name,
    definition.windowSizeEvents,
  );
  const job = new ReportJob({
    dataset: definition.name,
    profile,
    calibrator: profile.nullSource ? new NullCalibrator(profile.nullSource) : null,
    windows,
    minWindowEvents: definition.minWindowEvents,
    reportOptions: definition.reportOptions,
    computeDriftReport: deps.engine.computeDriftReport,
    computeLabelQuality: deps.engine.computeLabelQuality,
    publisher: deps.publisher,
    now: deps.now,
    onError: deps.onError,
  });
  return { definition, reference, windows, job };
}
