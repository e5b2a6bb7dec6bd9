/**
 * The drift and quality alerts of prometheus/rules/driftwatch-alerts.yml, as conditions on the
 * series the monitoring service publishes: each reads the same gauges, with the same thresholds
 * (the rules' constant recording rules), as its PromQL expression, and returns the label sets it
 * would be active for. The `for:` durations are applied by AlertTracker. Operational alerts
 * (stale runs, a service down, a forward backlog) have no meaning in a simulation and are left
 * out; `missingConditions` names any other alert of the rules this table does not cover, so a
 * new alert cannot be added without the evaluation measuring it.
 */
import { constantOf, type ShippedRules } from './shipped-rules.js';

/** Current values of the published series: name → samples. */
export type SeriesValues = ReadonlyMap<string, readonly Sample[]>;
export interface Sample {
  readonly labels: Readonly<Record<string, string | number>>;
  readonly value: number;
}

type Condition = (series: SeriesValues, rules: ShippedRules) => string[];

export const OPERATIONAL_ALERTS = ['DriftMonitorStale', 'ServiceDown', 'ForwardBacklog'];

function samples(series: SeriesValues, name: string, match: Record<string, string> = {}) {
  return (series.get(name) ?? []).filter((s) =>
    Object.entries(match).every(([k, v]) => String(s.labels[k]) === v),
  );
}

function value(series: SeriesValues, name: string, match: Record<string, string> = {}) {
  return samples(series, name, match)[0]?.value;
}

/** `dataset:drift_window_current_events:above_minimum` is present. */
function currentAboveMinimum(series: SeriesValues, rules: ShippedRules): boolean {
  const events = value(series, 'drift_window_events', { window: 'current' });
  return (
    events !== undefined && events >= constantOf(rules, 'driftwatch:drift_window_minimum_events')
  );
}

function labelledAboveMinimum(series: SeriesValues, rules: ShippedRules): boolean {
  const events = value(series, 'drift_window_events', { window: 'labeled' });
  const minimum = constantOf(rules, 'driftwatch:model_quality_minimum_labeled_events');
  return events !== undefined && events >= minimum;
}

/** A dataset-level alert on a 0/1 decision gauge, gated on the current window's minimum. */
function decision(name: string, match: Record<string, string> = {}): Condition {
  return (series, rules) =>
    value(series, name, match) === 1 && currentAboveMinimum(series, rules) ? [''] : [];
}

/** A p-value series below `driftwatch:drift_alert_pvalue`. */
function belowAlertLevel(
  series: SeriesValues,
  rules: ShippedRules,
  name: string,
  match: Record<string, string> = {},
): boolean {
  const p = value(series, name, match);
  return p !== undefined && p < constantOf(rules, 'driftwatch:drift_alert_pvalue');
}

/** A categorical column decided drifted with its decision p-value below the alert level. */
function categoricalAlert(series: SeriesValues, rules: ShippedRules, column: string): boolean {
  return (
    value(series, 'drift_categorical_detected', { column }) === 1 &&
    belowAlertLevel(series, rules, 'drift_categorical_decision_pvalue', { column })
  );
}

const QUALITY_METRICS = ['accuracy', 'balanced_accuracy', 'f1_macro'];

export const ALERT_CONDITIONS: Readonly<Record<string, Condition>> = {
  DatasetDriftDetected: decision('drift_dataset_detected'),
  PredictionDriftDetected: (series, rules) =>
    categoricalAlert(series, rules, 'prediction') && currentAboveMinimum(series, rules) ? [''] : [],
  FeatureDriftHigh: (series, rules) =>
    belowAlertLevel(series, rules, 'drift_dataset_family_pvalue') &&
    currentAboveMinimum(series, rules)
      ? ['']
      : [],
  LabelDriftDetected: (series, rules) =>
    categoricalAlert(series, rules, 'label') && labelledAboveMinimum(series, rules) ? [''] : [],
  ModelQualityEstimatedDrop: (series, rules) => {
    if (!currentAboveMinimum(series, rules)) return [];
    const margin = constantOf(rules, 'driftwatch:model_quality_drop_margin');
    const estimate = value(series, 'model_quality_estimated', { metric: 'accuracy' });
    const reference = value(series, 'model_quality', { metric: 'accuracy', window: 'reference' });
    return estimate !== undefined && reference !== undefined && estimate < reference - margin
      ? ['accuracy']
      : [];
  },
  ModelQualityDrop: (series, rules) => {
    if (!labelledAboveMinimum(series, rules)) return [];
    const margin = constantOf(rules, 'driftwatch:model_quality_drop_margin');
    return QUALITY_METRICS.filter((metric) => {
      const current = value(series, 'model_quality', { metric, window: 'current' });
      const reference = value(series, 'model_quality', { metric, window: 'reference' });
      // `unless … >= floor`: a published calibrated floor must be undercut too.
      const floor = value(series, 'model_quality_calibrated_floor', { metric });
      return (
        current !== undefined &&
        reference !== undefined &&
        current < reference - margin &&
        !(floor !== undefined && current >= floor)
      );
    });
  },
};

/** Alerts of the rules that are neither evaluated here nor operational. */
export function missingConditions(rules: ShippedRules): string[] {
  return Object.keys(rules.forSeconds).filter(
    (name) => !(name in ALERT_CONDITIONS) && !OPERATIONAL_ALERTS.includes(name),
  );
}
