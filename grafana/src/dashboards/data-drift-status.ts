import { booleanMapping, fieldOverride, steps } from '../builders/panel-spec.js';
import { stat, timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';

/** Seconds since the dataset's last successful drift run. */
const LAST_RUN_AGE = `time() - max(${ds('drift_last_run_timestamp_seconds')})`;

/** The latest decision and the numbers behind it, across the top of the Data drift dashboard. */
export const driftSummaryRow = [
  stat({
    title: 'Dataset drift',
    description:
      'The latest dataset drift decision: drifted when at least half of the features drift (KS p < 0.05). Absent while the window is below its minimum.',
    unit: 'none',
    queries: [{ expr: `max(${ds('drift_dataset_detected')})` }],
    mappings: [booleanMapping('No drift', 'Drift')],
    width: 5,
    height: 5,
  }),
  stat({
    title: 'Drifted features share',
    description: 'Share of features whose KS p-value is below 0.05; the dataset drifts at 50 %.',
    unit: 'percentunit',
    queries: [{ expr: `max(${ds('drift_dataset_drifted_features_share')})` }],
    thresholds: steps('green', [0.25, 'yellow'], [0.5, 'red']),
    width: 5,
    height: 5,
  }),
  stat({
    title: 'Drifted features',
    description: 'Number of features whose KS p-value is below 0.05 in the latest report.',
    unit: 'none',
    queries: [{ expr: `max(${ds('drift_dataset_drifted_features')})` }],
    thresholds: steps('green', [1, 'yellow']),
    width: 4,
    height: 5,
  }),
  stat({
    title: 'Current window',
    description:
      'Events in the sliding window compared with the reference. Below the minimum (50) no drift decision is published.',
    unit: 'none',
    queries: [{ expr: `max(${ds('drift_window_events', 'window="current"')})` }],
    thresholds: steps('red', [50, 'green']),
    width: 5,
    height: 5,
  }),
  stat({
    title: 'Last drift run',
    description:
      'Time since the last successful drift run. Runs happen on schedule (10 s) when the window changed; DriftMonitorStale fires past three periods while events arrive.',
    unit: 's',
    queries: [{ expr: LAST_RUN_AGE }],
    thresholds: steps('green', [30, 'yellow'], [300, 'red']),
    width: 5,
    height: 5,
  }),
];

/** Whether decisions can be trusted: how full the windows are and how fresh the last run is. */
export const windowRow = [
  timeSeries({
    title: 'Window size',
    description:
      'Events in the current window and labelled events in the labelled window; the dashed line is the minimum below which no drift decision is made.',
    unit: 'none',
    queries: [
      { expr: `max by (window) (${ds('drift_window_events')})`, legend: '{{window}}' },
      { expr: 'max(driftwatch:drift_window_minimum_events)', legend: 'minimum' },
    ],
    overrides: [fieldOverride('minimum', { 'custom.lineStyle': { fill: 'dash', dash: [10, 10] } })],
    min: 0,
    width: 12,
    height: 7,
  }),
  timeSeries({
    title: 'Last drift run age',
    description:
      'Seconds since the last successful drift run; a sawtooth under 30 s is healthy while traffic flows.',
    unit: 's',
    queries: [{ expr: LAST_RUN_AGE, legend: 'age' }],
    thresholds: steps('green', [30, 'red']),
    thresholdLines: true,
    min: 0,
    width: 12,
    height: 7,
  }),
];
