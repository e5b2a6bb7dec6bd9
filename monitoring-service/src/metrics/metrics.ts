/**
 * The monitoring service's Prometheus series (docs/metrics.md, pinned names). Handles are typed by their
 * label names; the registry is always passed in.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { createEstimateMetrics } from './estimate-metrics.js';

export function createMetrics(registry: Registry) {
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  return {
    featureKsStatistic: gauge(
      'drift_feature_ks_statistic',
      'Two-sample KS statistic D of a feature, current window against reference.',
      ['dataset', 'feature'] as const,
    ),
    featureKsPValue: gauge(
      'drift_feature_ks_pvalue',
      'KS p-value of a feature, current window against reference.',
      ['dataset', 'feature'] as const,
    ),
    featurePsi: gauge(
      'drift_feature_psi',
      'Population stability index of a feature over the reference deciles.',
      ['dataset', 'feature'] as const,
    ),
    featureDetected: gauge(
      'drift_feature_detected',
      '1 when the feature drifted (KS p below alpha), else 0.',
      ['dataset', 'feature'] as const,
    ),
    featureKsThreshold: gauge(
      'drift_feature_ks_threshold',
      'KS statistic above which the feature counts as drifted for this window (calibrated for its clustering when the reference has groups).',
      ['dataset', 'feature'] as const,
    ),
    featureDecisionPValue: gauge(
      'drift_feature_decision_pvalue',
      'P-value the feature decision compared with alpha (calibrated for the window clustering when the reference has groups).',
      ['dataset', 'feature'] as const,
    ),
    datasetDriftedFeatures: gauge('drift_dataset_drifted_features', 'Number of drifted features.', [
      'dataset',
    ] as const),
    datasetStronglyDriftedFeatures: gauge(
      'drift_dataset_strongly_drifted_features',
      'Features whose decision p-value is below alpha divided by the number of features.',
      ['dataset'] as const,
    ),
    datasetFamilyPValue: gauge(
      'drift_dataset_family_pvalue',
      'Family-wise decision p-value of the features: the smallest decision p-value times the number of features, at most 1 (Bonferroni).',
      ['dataset'] as const,
    ),
    datasetDriftedShare: gauge(
      'drift_dataset_drifted_features_share',
      'Share of drifted features.',
      ['dataset'] as const,
    ),
    datasetDetected: gauge(
      'drift_dataset_detected',
      '1 when the share of drifted features reaches the threshold, else 0.',
      ['dataset'] as const,
    ),
    categoricalChi2PValue: gauge(
      'drift_categorical_chi2_pvalue',
      'Chi-square homogeneity p-value of a categorical column.',
      ['dataset', 'column'] as const,
    ),
    categoricalJsDistance: gauge(
      'drift_categorical_js_distance',
      'Jensen-Shannon distance (base 2) of a categorical column.',
      ['dataset', 'column'] as const,
    ),
    categoricalPsi: gauge(
      'drift_categorical_psi',
      'PSI over the categories of a categorical column.',
      ['dataset', 'column'] as const,
    ),
    categoricalDetected: gauge(
      'drift_categorical_detected',
      '1 when the categorical column drifted (decision p-value below alpha), else 0.',
      ['dataset', 'column'] as const,
    ),
    categoricalChi2Threshold: gauge(
      'drift_categorical_chi2_threshold',
      'Chi-square statistic above which the column counts as drifted for this window.',
      ['dataset', 'column'] as const,
    ),
    categoricalDecisionPValue: gauge(
      'drift_categorical_decision_pvalue',
      'P-value the categorical decision compared with alpha.',
      ['dataset', 'column'] as const,
    ),
    windowDevices: gauge(
      'drift_window_devices',
      'Devices (metadata.deviceId) among the events of the sliding window; events without one count alone.',
      ['dataset', 'window'] as const,
    ),
    windowEvents: gauge('drift_window_events', 'Events in the sliding window.', [
      'dataset',
      'window',
    ] as const),
    lastRunTimestamp: gauge(
      'drift_last_run_timestamp_seconds',
      'Unix time of the last completed drift run.',
      ['dataset'] as const,
    ),
    runs: counter('drift_runs_total', 'Drift runs by outcome.', ['dataset', 'outcome'] as const),
    runDuration: new Histogram({
      name: 'drift_run_duration_seconds',
      help: 'Time to compute and publish one drift report.',
      labelNames: ['dataset'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    referenceInfo: gauge('drift_reference_info', 'The reference in use (always 1).', [
      'dataset',
      'reference_hash',
      'model_version',
    ] as const),
    modelQuality: gauge('model_quality', 'Classification quality of the model.', [
      'dataset',
      'metric',
      'window',
    ] as const),
    qualityCalibratedFloor: gauge(
      'model_quality_calibrated_floor',
      'Quality that drift-free reference windows shaped like the labelled window stay above (their 1st percentile, resampled by group).',
      ['dataset', 'metric'] as const,
    ),
    classQuality: gauge('model_class_quality', 'Per-class precision, recall and F1.', [
      'dataset',
      'class',
      'metric',
      'window',
    ] as const),
    classShare: gauge('model_class_share', 'Share of each class among predictions or labels.', [
      'dataset',
      'class',
      'column',
      'window',
    ] as const),
    confusionMatrix: gauge(
      'model_confusion_matrix',
      'Labelled window counts by true and predicted class.',
      ['dataset', 'actual', 'predicted'] as const,
    ),
    labelCoverage: gauge(
      'model_label_coverage_ratio',
      'Share of the current window that has a label.',
      ['dataset'] as const,
    ),
    eventsIngested: counter('monitoring_events_ingested_total', 'Events stored.', [
      'dataset',
    ] as const),
    eventsRejected: counter('monitoring_events_rejected_total', 'Events not stored, by reason.', [
      'dataset',
      'reason',
    ] as const),
    labelsIngested: counter('monitoring_labels_ingested_total', 'Labels received, by outcome.', [
      'dataset',
      'outcome',
    ] as const),
    alertsReceived: counter(
      'monitoring_alerts_received_total',
      'Alerts received from Alertmanager.',
      ['dataset', 'alertname', 'status'] as const,
    ),
    ...createEstimateMetrics(gauge),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
