/**
 * The pinned metric catalogue (docs/metrics.md), the only metric names rules and dashboards may
 * read besides recording rules and Prometheus' own `up`. Keep in step with docs/metrics.md.
 */
export type MetricType = 'gauge' | 'counter' | 'histogram';

export const METRIC_CATALOGUE: Readonly<Record<string, MetricType>> = {
  drift_feature_ks_statistic: 'gauge',
  drift_feature_ks_pvalue: 'gauge',
  drift_feature_psi: 'gauge',
  drift_feature_detected: 'gauge',
  drift_dataset_drifted_features: 'gauge',
  drift_dataset_drifted_features_share: 'gauge',
  drift_dataset_detected: 'gauge',
  drift_dataset_strongly_drifted_features: 'gauge',
  drift_dataset_family_pvalue: 'gauge',
  drift_feature_ks_threshold: 'gauge',
  drift_feature_decision_pvalue: 'gauge',
  drift_categorical_chi2_threshold: 'gauge',
  drift_categorical_decision_pvalue: 'gauge',
  drift_window_devices: 'gauge',
  drift_categorical_chi2_pvalue: 'gauge',
  drift_categorical_js_distance: 'gauge',
  drift_categorical_psi: 'gauge',
  drift_categorical_detected: 'gauge',
  drift_window_events: 'gauge',
  drift_last_run_timestamp_seconds: 'gauge',
  drift_runs_total: 'counter',
  drift_run_duration_seconds: 'histogram',
  drift_reference_info: 'gauge',
  model_quality: 'gauge',
  model_class_quality: 'gauge',
  model_class_share: 'gauge',
  model_confusion_matrix: 'gauge',
  model_label_coverage_ratio: 'gauge',
  model_quality_estimated: 'gauge',
  // The band of model_quality_estimated, documented in monitoring-service/README.md.
  model_quality_estimated_lower: 'gauge',
  model_quality_estimated_upper: 'gauge',
  model_quality_calibrated_floor: 'gauge',
  monitoring_events_ingested_total: 'counter',
  monitoring_events_rejected_total: 'counter',
  monitoring_labels_ingested_total: 'counter',
  monitoring_alerts_received_total: 'counter',
  prediction_requests_total: 'counter',
  prediction_request_duration_seconds: 'histogram',
  // The catalogue did not state its type at first; a histogram like the request duration is the
  // natural reading.
  prediction_stage_duration_seconds: 'histogram',
  prediction_windows_total: 'counter',
  prediction_forward_queue_events: 'gauge',
  prediction_forward_events_total: 'counter',
  prediction_model_info: 'gauge',
};

const HISTOGRAM_SERIES_SUFFIXES = ['_bucket', '_sum', '_count'] as const;

/** True when `name` is a catalogue metric or one of a catalogue histogram's series. */
export function isCatalogueSeries(name: string): boolean {
  if (METRIC_CATALOGUE[name] !== undefined && METRIC_CATALOGUE[name] !== 'histogram') return true;
  return HISTOGRAM_SERIES_SUFFIXES.some(
    (suffix) =>
      name.endsWith(suffix) && METRIC_CATALOGUE[name.slice(0, -suffix.length)] === 'histogram',
  );
}
