/**
 * Zero series for the service's labelled counters (the catalogue's rule that every counter has
 * its zero series for known label values): a counter that has never been incremented has no
 * series at all, so rates and ratios over it show "No data" on a healthy stack instead of 0.
 */
import type { Metrics } from './metrics.js';

/** Why events are not stored; `error` is the fallback of the rejection counter. */
export const REJECT_REASONS = [
  'duplicate',
  'invalid_body',
  'invalid_json',
  'too_large',
  'unauthorized',
  'unknown_dataset',
  'error',
] as const;

export const LABEL_OUTCOMES = ['matched', 'unmatched', 'late_match'] as const;

export const RUN_OUTCOMES = [
  'success',
  'unchanged',
  'insufficient_data',
  'error',
  'overlap',
] as const;

/** The alerts of prometheus/rules: the names the webhook can receive. */
export const ALERT_NAMES = [
  'DatasetDriftDetected',
  'FeatureDriftHigh',
  'PredictionDriftDetected',
  'LabelDriftDetected',
  'ModelQualityDrop',
  'ModelQualityEstimatedDrop',
  'DriftMonitorStale',
  'ServiceDown',
  'ForwardBacklog',
] as const;

export const ALERT_STATUSES = ['firing', 'resolved'] as const;

/** Creates every known counter series of one dataset at 0; existing counts are unchanged. */
export function publishZeroSeries(metrics: Metrics, dataset: string): void {
  metrics.eventsIngested.inc({ dataset }, 0);
  for (const reason of REJECT_REASONS) metrics.eventsRejected.inc({ dataset, reason }, 0);
  for (const outcome of LABEL_OUTCOMES) metrics.labelsIngested.inc({ dataset, outcome }, 0);
  for (const outcome of RUN_OUTCOMES) metrics.runs.inc({ dataset, outcome }, 0);
  for (const alertname of ALERT_NAMES) {
    for (const status of ALERT_STATUSES) {
      metrics.alertsReceived.inc({ dataset, alertname, status }, 0);
    }
  }
}
