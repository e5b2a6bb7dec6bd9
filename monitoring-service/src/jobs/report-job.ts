/**
 * The scheduled drift run of one dataset: when a window changed since the last run, compute a
 * snapshot and publish it; otherwise only refresh the window sizes and counters. Runs of one
 * dataset never overlap.
 */
import type { ReferenceProfile, ReportOptions } from '@driftwatch/core/drift/engine-api';
import type { NullCalibrator } from '@driftwatch/core/drift/null-calibrator';
import type { DriftReport } from '@driftwatch/core/drift/report-types';
import type { SnapshotPublisher } from '../metrics/publish-snapshot.js';
import type { StoredEvent } from '../store/store.js';
import type { DatasetWindows } from '../windows/dataset-windows.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { buildSnapshot, deviceCount } from '../snapshots/build-snapshot.js';
import type { ComputeDriftReport, ComputeLabelQuality } from '../snapshots/build-snapshot.js';

export type RunOutcome = 'success' | 'unchanged' | 'insufficient_data' | 'error' | 'overlap';

export interface ReportJobDeps {
  dataset: string;
  profile: ReferenceProfile;
  /** Calibrates decisions for each window's shape; null: rows counted as independent. */
  calibrator: NullCalibrator | null;
  windows: DatasetWindows;
  minWindowEvents: number;
  reportOptions: ReportOptions;
  computeDriftReport: ComputeDriftReport;
  computeLabelQuality: ComputeLabelQuality;
  publisher: SnapshotPublisher;
  /** Milliseconds since the epoch. */
  now: () => number;
  onError: (error: unknown) => void;
}

/** The latest report with the window events it was computed from, for pages that draw them. */
export interface LatestRun {
  report: DriftReport;
  current: readonly StoredEvent[];
  labelled: readonly StoredEvent[];
  /** When the run finished computing, ms since the epoch. */
  computedAtMs: number;
}

export class ReportJob {
  private running = false;
  private computedVersion = -1;
  private latest: LatestRun | null = null;

  constructor(private readonly deps: ReportJobDeps) {}

  /** The report of the last run that had enough events, if any. */
  get latestReport(): DriftReport | null {
    return this.latest?.report ?? null;
  }

  /** The last run that had enough events, with its window events, if any. */
  get latestRun(): LatestRun | null {
    return this.latest;
  }

  /** The fitted reference profile reports are computed against. */
  get profile(): ReferenceProfile {
    return this.deps.profile;
  }

  async run(): Promise<RunOutcome> {
    const { dataset, publisher, now } = this.deps;
    if (this.running) {
      publisher.recordRun(dataset, 'overlap', now());
      return 'overlap';
    }
    this.running = true;
    const startedMs = now();
    try {
      await this.prepareCalibrations();
      const outcome = this.compute();
      const finishedMs = now();
      const seconds = outcome === 'unchanged' ? undefined : (finishedMs - startedMs) / 1000;
      publisher.recordRun(dataset, outcome, finishedMs, seconds);
      return outcome;
    } catch (error) {
      this.deps.onError(error);
      publisher.recordRun(dataset, 'error', now());
      return 'error';
    } finally {
      this.running = false;
    }
  }

  /**
   * Calibrates the windows' shapes ahead of the run, a little per turn of the event loop: a new
   * shape costs about a second of CPU, which would otherwise hold every request that long. A
   * window that changes shape meanwhile is calibrated by the run itself.
   */
  private async prepareCalibrations(): Promise<void> {
    const { calibrator, windows, minWindowEvents } = this.deps;
    if (!calibrator || windows.version === this.computedVersion) return;
    for (const window of [windows.current, windows.labelled]) {
      if (window.size < minWindowEvents) continue;
      await calibrator.prepare(window.size, deviceCount(window.values()), nextTurn);
    }
  }

  private compute(): RunOutcome {
    const { windows, publisher, dataset } = this.deps;
    const version = windows.version;
    if (version === this.computedVersion) {
      publisher.publishWindowSizes(dataset, windows.current.size, windows.labelled.size);
      return 'unchanged';
    }
    const current = windows.current.values();
    const labelled = windows.labelled.values();
    const snapshot = buildSnapshot({
      profile: this.deps.profile,
      calibrator: this.deps.calibrator,
      current,
      labelled,
      minWindowEvents: this.deps.minWindowEvents,
      options: this.deps.reportOptions,
      computeDriftReport: this.deps.computeDriftReport,
      computeLabelQuality: this.deps.computeLabelQuality,
    });
    publisher.publishSnapshot(dataset, snapshot);
    this.computedVersion = version;
    this.latest = snapshot.report
      ? { report: snapshot.report, current, labelled, computedAtMs: this.deps.now() }
      : null;
    return snapshot.report ? 'success' : 'insufficient_data';
  }
}
