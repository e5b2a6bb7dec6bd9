import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { estimateClassification } from '../../../core/src/drift/estimate-quality.js';
import { createMetrics } from '../../../monitoring-service/src/metrics/metrics.js';
import { publishEstimatedQuality } from '../../../monitoring-service/src/metrics/publish-estimate.js';
import { SeriesTracker } from '../../../monitoring-service/src/metrics/series-tracker.js';

const identity = { x: Float64Array.of(0, 1), y: Float64Array.of(0, 1) };
const estimate = estimateClassification(
  { classes: ['a', 'b'], fits: [identity, identity], predictedFits: [null, null] },
  [
    { a: 0.8, b: 0.2 },
    { a: 0.3, b: 0.7 },
  ],
  ['a', 'b'],
);

async function values(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  return Object.fromEntries(
    (await metric!.get()).values.map((v) => [`${v.labels.dataset}/${v.labels.metric}`, v.value]),
  );
}

describe('publishEstimatedQuality', () => {
  it('sets the estimate and its band per metric, named as in model_quality', async () => {
    const registry = new Registry();
    publishEstimatedQuality(createMetrics(registry), new SeriesTracker(), 'ds', estimate);
    const published = await values(registry, 'model_quality_estimated');
    expect(Object.keys(published).sort()).toEqual(
      [
        'accuracy',
        'balanced_accuracy',
        'f1_macro',
        'f1_weighted',
        'precision_macro',
        'recall_macro',
      ].map((metric) => `ds/${metric}`),
    );
    expect(published['ds/accuracy']).toBe(estimate.accuracy);
    expect(published['ds/f1_macro']).toBe(estimate.macro.f1);
    const lower = await values(registry, 'model_quality_estimated_lower');
    const upper = await values(registry, 'model_quality_estimated_upper');
    expect(lower['ds/accuracy']).toBe(estimate.band.accuracy.lower);
    expect(upper['ds/balanced_accuracy']).toBe(estimate.band.balancedAccuracy.upper);
  });

  it('removes every estimate series when there is no estimate', async () => {
    const registry = new Registry();
    const metrics = createMetrics(registry);
    const tracker = new SeriesTracker();
    publishEstimatedQuality(metrics, tracker, 'ds', estimate);
    publishEstimatedQuality(metrics, tracker, 'other', estimate);
    publishEstimatedQuality(metrics, tracker, 'ds', null);
    for (const name of [
      'model_quality_estimated',
      'model_quality_estimated_lower',
      'model_quality_estimated_upper',
    ]) {
      const left = Object.keys(await values(registry, name));
      expect(left.length, name).toBe(6);
      expect(
        left.every((key) => key.startsWith('other/')),
        name,
      ).toBe(true);
    }
  });
});
