import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_CONDITIONS, type Sample } from './alert-conditions.js';
import { readShippedRules } from './shipped-rules.js';

const rules = readShippedRules(join(import.meta.dirname, '../../prometheus/rules'));

function series(entries: Record<string, Sample[]>) {
  return new Map(Object.entries(entries));
}
const window = (current: number, labeled: number): Sample[] => [
  { labels: { dataset: 'd', window: 'current' }, value: current },
  { labels: { dataset: 'd', window: 'labeled' }, value: labeled },
];

describe('alert conditions', () => {
  it('reads the alert level the rules ship', () => {
    expect(rules.constants['driftwatch:drift_alert_pvalue']).toBe(0.005);
  });

  it('decides dataset and prediction drift only on windows at or above their minimum', () => {
    const drifting = {
      drift_dataset_detected: [{ labels: { dataset: 'd' }, value: 1 }],
      drift_categorical_detected: [
        { labels: { dataset: 'd', column: 'prediction' }, value: 1 },
        { labels: { dataset: 'd', column: 'label' }, value: 0 },
      ],
      drift_categorical_decision_pvalue: [
        { labels: { dataset: 'd', column: 'prediction' }, value: 0.001 },
      ],
    };
    const big = series({ ...drifting, drift_window_events: window(50, 0) });
    const small = series({ ...drifting, drift_window_events: window(49, 0) });
    expect(ALERT_CONDITIONS.DatasetDriftDetected!(big, rules)).toEqual(['']);
    expect(ALERT_CONDITIONS.PredictionDriftDetected!(big, rules)).toEqual(['']);
    expect(ALERT_CONDITIONS.DatasetDriftDetected!(small, rules)).toEqual([]);
    expect(ALERT_CONDITIONS.PredictionDriftDetected!(small, rules)).toEqual([]);
  });

  it('fires FeatureDriftHigh once per dataset while the family p-value is below the level', () => {
    const family = (p: number, current: number) =>
      series({
        drift_window_events: window(current, 0),
        drift_dataset_family_pvalue: [{ labels: { dataset: 'd' }, value: p }],
      });
    expect(ALERT_CONDITIONS.FeatureDriftHigh!(family(0.0049, 500), rules)).toEqual(['']);
    expect(ALERT_CONDITIONS.FeatureDriftHigh!(family(0.005, 500), rules)).toEqual([]);
    expect(ALERT_CONDITIONS.FeatureDriftHigh!(family(0.0001, 49), rules)).toEqual([]);
  });

  it('decides label drift only with enough labels and a p-value below the alert level', () => {
    const label = (labeled: number, p: number) =>
      series({
        drift_window_events: window(500, labeled),
        drift_categorical_detected: [{ labels: { dataset: 'd', column: 'label' }, value: 1 }],
        drift_categorical_decision_pvalue: [
          { labels: { dataset: 'd', column: 'label' }, value: p },
        ],
      });
    expect(ALERT_CONDITIONS.LabelDriftDetected!(label(100, 0.001), rules)).toEqual(['']);
    expect(ALERT_CONDITIONS.LabelDriftDetected!(label(99, 0.001), rules)).toEqual([]);
    expect(ALERT_CONDITIONS.LabelDriftDetected!(label(100, 0.02), rules)).toEqual([]);
  });

  it('finds quality metrics more than the margin below the reference on enough labels', () => {
    const quality = (metric: string, current: number, reference: number): Sample[] => [
      { labels: { dataset: 'd', metric, window: 'current' }, value: current },
      { labels: { dataset: 'd', metric, window: 'reference' }, value: reference },
    ];
    const samples = [
      ...quality('accuracy', 0.6, 0.84),
      ...quality('balanced_accuracy', 0.75, 0.84),
      ...quality('f1_macro', 0.5, 0.84),
      ...quality('precision_macro', 0.1, 0.84),
    ];
    const enough = series({ drift_window_events: window(500, 100), model_quality: samples });
    const few = series({ drift_window_events: window(500, 99), model_quality: samples });
    expect(ALERT_CONDITIONS.ModelQualityDrop!(enough, rules)).toEqual(['accuracy', 'f1_macro']);
    expect(ALERT_CONDITIONS.ModelQualityDrop!(few, rules)).toEqual([]);
    // A calibrated floor must be undercut too: f1_macro at 0.5 is not below a floor of 0.5.
    const floors: Sample[] = [
      { labels: { dataset: 'd', metric: 'accuracy' }, value: 0.65 },
      { labels: { dataset: 'd', metric: 'f1_macro' }, value: 0.5 },
    ];
    const calibrated = series({
      drift_window_events: window(500, 100),
      model_quality: samples,
      model_quality_calibrated_floor: floors,
    });
    expect(ALERT_CONDITIONS.ModelQualityDrop!(calibrated, rules)).toEqual(['accuracy']);
  });
});
