import { fieldOverride } from '../builders/panel-spec.js';
import { timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';

const DASHED = { 'custom.lineStyle': { fill: 'dash', dash: [10, 10] } };

/** Whether the quality numbers rest on enough labels: coverage, labelled window, label intake. */
export const labelRow = [
  timeSeries({
    title: 'Label coverage',
    description: 'Share of the events in the current window that have their ground-truth label.',
    unit: 'percentunit',
    queries: [{ expr: `max(${ds('model_label_coverage_ratio')})`, legend: 'coverage' }],
    min: 0,
    max: 1,
    width: 8,
    height: 7,
  }),
  timeSeries({
    title: 'Labelled window',
    description:
      'Labelled events the quality metrics are computed on; the dashed line is the minimum ModelQualityDrop needs.',
    unit: 'none',
    queries: [
      { expr: `max(${ds('drift_window_events', 'window="labeled"')})`, legend: 'labelled events' },
      { expr: 'max(driftwatch:model_quality_minimum_labeled_events)', legend: 'minimum' },
    ],
    overrides: [fieldOverride('minimum', DASHED)],
    min: 0,
    width: 8,
    height: 7,
  }),
  timeSeries({
    title: 'Labels received',
    description: 'Rate of delayed labels received by the monitoring service, by outcome.',
    unit: 'cps',
    queries: [
      {
        expr: `sum by (outcome) (rate(${ds('monitoring_labels_ingested_total')}[$__rate_interval]))`,
        legend: '{{outcome}}',
      },
    ],
    min: 0,
    width: 8,
    height: 7,
  }),
];
