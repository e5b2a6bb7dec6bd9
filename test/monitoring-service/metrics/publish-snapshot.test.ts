import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { MonitoringSnapshot } from '../../../monitoring-service/src/snapshots/monitoring-snapshot.js';
import { createMetrics } from '../../../monitoring-service/src/metrics/metrics.js';
import { SnapshotPublisher } from '../../../monitoring-service/src/metrics/publish-snapshot.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';

const feature = (statistic: number) => ({
  ks: { statistic, pValue: 0.5 },
  psi: 0.1,
  drifted: false,
});
const quality = {
  accuracy: 0.5,
  balancedAccuracy: 0.5,
  macro: { precision: 0.5, recall: 0.5, f1: 0.5 },
  weighted: { precision: 0.5, recall: 0.5, f1: 0.5 },
  perClass: { a: { precision: 1, recall: 0.5, f1: 0.6, support: 2 } },
  labels: ['a', 'b'],
  confusionMatrix: [
    [1, 1],
    [0, 0],
  ],
};

function report(features: Record<string, ReturnType<typeof feature>>): DriftReport {
  return {
    rows: { reference: 10, current: 5 },
    features,
    dataset: { driftedFeatures: 0, totalFeatures: 2, share: 0, drifted: false },
    prediction: null,
    target: null,
    classification: quality,
    estimatedClassification: null,
  };
}

const FLOOR = { accuracy: 0.6, balancedAccuracy: 0.5, f1Macro: 0.4 };

function snapshot(r: DriftReport | null): MonitoringSnapshot {
  return {
    windowDevices: { current: 0, labeled: 0 },
    windowEvents: { current: 5, labeled: 2 },
    report: r,
    shares: { prediction: { a: 1 }, label: null },
    labelCoverage: 0.4,
    qualityFloor: r ? FLOOR : null,
  };
}

async function seriesOf(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  return (await metric!.get()).values.map((v) => v.labels);
}

describe('SnapshotPublisher', () => {
  it('removes the series of a feature that is no longer reported', async () => {
    const registry = new Registry();
    const publisher = new SnapshotPublisher(createMetrics(registry));
    publisher.publishSnapshot('ds', snapshot(report({ a: feature(0.1), b: feature(0.2) })));
    publisher.publishSnapshot('ds', snapshot(report({ a: feature(0.3) })));
    expect(await seriesOf(registry, 'drift_feature_ks_statistic')).toEqual([
      { dataset: 'ds', feature: 'a' },
    ]);
  });

  it('publishes the calibrated quality floor under the quality metric names', async () => {
    const registry = new Registry();
    const publisher = new SnapshotPublisher(createMetrics(registry));
    publisher.publishSnapshot('ds', snapshot(report({ a: feature(0.1) })));
    const { values } = await registry.getSingleMetric('model_quality_calibrated_floor')!.get();
    expect(values.map((v) => [v.labels.metric, v.value])).toEqual([
      ['accuracy', 0.6],
      ['balanced_accuracy', 0.5],
      ['f1_macro', 0.4],
    ]);
  });

  it('clears drift, quality and confusion series when a snapshot has no report', async () => {
    const registry = new Registry();
    const publisher = new SnapshotPublisher(createMetrics(registry));
    publisher.publishSnapshot('ds', snapshot(report({ a: feature(0.1) })));
    expect(await seriesOf(registry, 'model_confusion_matrix')).toHaveLength(4);
    publisher.publishSnapshot('ds', snapshot(null));
    for (const name of [
      'drift_feature_psi',
      'drift_dataset_detected',
      'model_quality_calibrated_floor',
      'model_quality',
      'model_class_quality',
      'model_confusion_matrix',
    ]) {
      expect(await seriesOf(registry, name)).toEqual([]);
    }
    expect(await seriesOf(registry, 'drift_window_events')).toHaveLength(2);
  });

  it('keeps the reference quality when the current one goes away', async () => {
    const registry = new Registry();
    const publisher = new SnapshotPublisher(createMetrics(registry));
    publisher.publishReference('ds', {
      hash: 'h',
      modelVersion: 'v',
      quality,
      shares: { prediction: null, label: null },
    });
    publisher.publishSnapshot('ds', snapshot(report({ a: feature(0.1) })));
    publisher.publishSnapshot('ds', snapshot(null));
    const windows = (await seriesOf(registry, 'model_quality')).map((l) => l.window);
    expect(new Set(windows)).toEqual(new Set(['reference']));
  });

  it('keeps datasets apart', async () => {
    const registry = new Registry();
    const publisher = new SnapshotPublisher(createMetrics(registry));
    publisher.publishSnapshot('one', snapshot(report({ a: feature(0.1) })));
    publisher.publishSnapshot('two', snapshot(null));
    expect(await seriesOf(registry, 'drift_feature_ks_statistic')).toEqual([
      { dataset: 'one', feature: 'a' },
    ]);
  });
});
