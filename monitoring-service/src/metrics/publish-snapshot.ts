/**
 * Publishes drift runs as Prometheus series. It only copies numbers out of a snapshot or the
 * reference summary; every value was computed by the drift engine or the job.
 */
import type { Gauge } from 'prom-client';
import type { CategoricalDrift, FeatureDrift } from '@driftwatch/core/drift/report-types';
import type {
  ClassShares,
  MonitoringSnapshot,
  ReferenceSummary,
} from '../snapshots/monitoring-snapshot.js';
import type { Metrics } from './metrics.js';
import { SeriesTracker } from './series-tracker.js';
import { publishQuality, publishQualityFloor } from './publish-quality.js';
import { publishEstimatedQuality } from './publish-estimate.js';

const bit = (flag: boolean) => (flag ? 1 : 0);

export class SnapshotPublisher {
  private readonly tracker = new SeriesTracker();
  private readonly referenceShares = new Map<string, ReferenceSummary['shares']>();

  constructor(private readonly metrics: Metrics) {}

  publishReference(dataset: string, reference: ReferenceSummary): void {
    const { metrics: m, tracker: t } = this;
    t.replace(m.referenceInfo, dataset, [
      {
        labels: { dataset, reference_hash: reference.hash, model_version: reference.modelVersion },
        value: 1,
      },
    ]);
    this.referenceShares.set(dataset, reference.shares);
    publishQuality(this.metrics, this.tracker, dataset, 'reference', reference.quality);
    this.publishShares(dataset, { prediction: null, label: null });
  }

  publishSnapshot(dataset: string, snapshot: MonitoringSnapshot): void {
    const { metrics: m, tracker: t } = this;
    this.publishWindowSizes(dataset, snapshot.windowEvents.current, snapshot.windowEvents.labeled);
    const one = (value: number | null | undefined) =>
      value === null || value === undefined ? [] : [{ labels: { dataset }, value }];
    t.replace(m.labelCoverage, dataset, one(snapshot.labelCoverage));
    const report = snapshot.report;
    this.publishFeatures(dataset, report?.features ?? {});
    const d = report?.dataset;
    t.replace(m.datasetDriftedFeatures, dataset, one(d?.driftedFeatures));
    t.replace(m.datasetDriftedShare, dataset, one(d?.share));
    t.replace(m.datasetDetected, dataset, one(d === undefined ? undefined : bit(d.drifted)));
    t.replace(m.datasetStronglyDriftedFeatures, dataset, one(d?.stronglyDriftedFeatures));
    t.replace(m.datasetFamilyPValue, dataset, one(d?.familyPValue));
    t.replace(m.windowDevices, dataset, [
      { labels: { dataset, window: 'current' }, value: snapshot.windowDevices.current },
      { labels: { dataset, window: 'labeled' }, value: snapshot.windowDevices.labeled },
    ]);
    this.publishCategorical(dataset, {
      prediction: report?.prediction ?? null,
      label: report?.target ?? null,
    });
    publishQuality(m, t, dataset, 'current', report?.classification ?? null);
    publishQualityFloor(m, t, dataset, snapshot.qualityFloor);
    publishEstimatedQuality(m, t, dataset, report?.estimatedClassification ?? null);
    this.publishShares(dataset, snapshot.shares);
  }

  publishWindowSizes(dataset: string, current: number, labeled: number): void {
    this.metrics.windowEvents.set({ dataset, window: 'current' }, current);
    this.metrics.windowEvents.set({ dataset, window: 'labeled' }, labeled);
  }

  recordRun(
    dataset: string,
    outcome: string,
    finishedAtMs: number,
    durationSeconds?: number,
  ): void {
    this.metrics.runs.inc({ dataset, outcome });
    // Only runs that completed say the monitor is alive.
    if (outcome !== 'error' && outcome !== 'overlap') {
      this.metrics.lastRunTimestamp.set({ dataset }, finishedAtMs / 1000);
    }
    if (durationSeconds !== undefined)
      this.metrics.runDuration.observe({ dataset }, durationSeconds);
  }

  private publishFeatures(dataset: string, features: Record<string, FeatureDrift>): void {
    const m = this.metrics;
    this.publishRows(dataset, 'feature', Object.entries(features), [
      [m.featureKsStatistic, (f) => f.ks.statistic],
      [m.featureKsPValue, (f) => f.ks.pValue],
      [m.featurePsi, (f) => f.psi],
      [m.featureDetected, (f) => bit(f.drifted)],
      [m.featureKsThreshold, (f) => f.decision?.threshold ?? Number.NaN],
      [m.featureDecisionPValue, (f) => f.decision?.pValue ?? f.ks.pValue],
    ]);
  }

  private publishCategorical(
    dataset: string,
    columns: Record<'prediction' | 'label', CategoricalDrift | null>,
  ): void {
    const m = this.metrics;
    const present = Object.entries(columns).filter(
      (c): c is [string, CategoricalDrift] => c[1] !== null,
    );
    this.publishRows(dataset, 'column', present, [
      [m.categoricalChi2PValue, (c) => c.chiSquare.pValue],
      [m.categoricalJsDistance, (c) => c.jensenShannon],
      [m.categoricalPsi, (c) => c.psi],
      [m.categoricalDetected, (c) => bit(c.drifted)],
      [m.categoricalChi2Threshold, (c) => c.decision?.threshold ?? Number.NaN],
      [m.categoricalDecisionPValue, (c) => c.decision?.pValue ?? c.chiSquare.pValue],
    ]);
  }

  /** Sets each gauge to one series per named row, labelled with the dataset and `key: name`. */
  private publishRows<T>(
    dataset: string,
    key: 'feature' | 'column',
    rows: readonly (readonly [string, T])[],
    gauges: readonly (readonly [Gauge<string>, (row: T) => number])[],
  ): void {
    for (const [gauge, pick] of gauges) {
      const series = rows.map(([name, row]) => ({
        labels: { dataset, [key]: name },
        value: pick(row),
      }));
      this.tracker.replace(gauge, dataset, series);
    }
  }

  private publishShares(dataset: string, current: MonitoringSnapshot['shares']): void {
    const reference = this.referenceShares.get(dataset);
    const series = (
      shares: ClassShares | null | undefined,
      column: string,
      window: 'current' | 'reference',
    ) =>
      Object.entries(shares ?? {}).map(([cls, value]) => ({
        labels: { dataset, class: cls, column, window },
        value,
      }));
    this.tracker.replace(this.metrics.classShare, dataset, [
      ...series(current.prediction, 'prediction', 'current'),
      ...series(current.label, 'label', 'current'),
      ...series(reference?.prediction, 'prediction', 'reference'),
      ...series(reference?.label, 'label', 'reference'),
    ]);
  }
}
