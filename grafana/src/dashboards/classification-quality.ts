import type { Dashboard } from '../builders/dashboard-model.js';
import { dashboard } from '../builders/dashboard.js';
import { fieldOverride, steps } from '../builders/panel-spec.js';
import { matrix, stat, table, timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';
import { datasetVariable } from '../builders/variables.js';
import { estimatedQualityRow } from './estimated-quality.js';
import { labelRow } from './quality-labels.js';

const QUALITY_METRICS = [
  { metric: 'accuracy', title: 'Accuracy' },
  { metric: 'balanced_accuracy', title: 'Balanced accuracy' },
  { metric: 'f1_macro', title: 'Macro F1' },
] as const;

type QualityMetric = (typeof QUALITY_METRICS)[number];
const DASHED = { 'custom.lineStyle': { fill: 'dash', dash: [10, 10] } };

function quality(metric: string, window: string): string {
  return `max(${ds('model_quality', `metric="${metric}", window="${window}"`)})`;
}

function qualityStat({ metric, title }: QualityMetric) {
  return stat({
    title,
    description: `${title} over the labelled window (current) and over the reference data.`,
    unit: 'percentunit',
    decimals: 1,
    queries: [
      { expr: quality(metric, 'current'), legend: 'current' },
      { expr: quality(metric, 'reference'), legend: 'reference' },
    ],
    thresholds: steps('red', [0.5, 'yellow'], [0.8, 'green']),
    width: 6,
    height: 5,
  });
}

function qualityHistory({ metric, title }: QualityMetric) {
  return timeSeries({
    title: `${title}: current vs reference`,
    description: `${title} of the labelled window over time against its reference value; below both the alert floor (reference minus margin) and the calibrated floor (what drift-free windows of this size and clustering stay above), with enough labels, ModelQualityDrop fires.`,
    unit: 'percentunit',
    queries: [
      { expr: quality(metric, 'current'), legend: 'current' },
      { expr: quality(metric, 'reference'), legend: 'reference' },
      {
        expr: `max(${ds('dataset_metric:model_quality_floor:reference_minus_margin', `metric="${metric}"`)})`,
        legend: 'alert floor',
      },
      {
        expr: `max(${ds('model_quality_calibrated_floor', `metric="${metric}"`)})`,
        legend: 'calibrated floor',
      },
    ],
    overrides: [
      fieldOverride('reference', DASHED),
      fieldOverride('alert floor', DASHED),
      fieldOverride('calibrated floor', DASHED),
    ],
    max: 1,
    width: 8,
    height: 8,
  });
}

const classRow = [
  table({
    title: 'Per-class precision, recall and F1',
    description:
      'Precision, recall and F1 of each class over the labelled window (zero when a class is never predicted or never true).',
    unit: 'percentunit',
    decimals: 1,
    queries: [
      {
        expr: `max by (class, metric) (${ds('model_class_quality', 'window="current"')})`,
        instant: true,
        table: true,
      },
    ],
    transformations: [matrix('class', 'metric')],
    overrides: [fieldOverride('support', { unit: 'none', decimals: 0 })],
    width: 12,
    height: 11,
  }),
  table({
    title: 'Confusion matrix',
    description:
      'Counts of labelled events by true class (rows) and predicted class (columns) over the labelled window.',
    unit: 'none',
    decimals: 0,
    queries: [
      {
        expr: `max by (actual, predicted) (${ds('model_confusion_matrix')})`,
        instant: true,
        table: true,
      },
    ],
    transformations: [matrix('actual', 'predicted')],
    thresholds: steps('transparent', [1, 'blue']),
    colorCells: true,
    width: 12,
    height: 11,
  }),
];

export function classificationQualityDashboard(): Dashboard {
  return dashboard({
    uid: 'driftwatch-classification-quality',
    title: 'Driftwatch: Classification quality',
    description:
      'Rolling classification quality over the labelled window against the reference: overall and per-class metrics, the confusion matrix and how many labels arrive.',
    variables: [datasetVariable()],
    rows: [
      [
        ...QUALITY_METRICS.map(qualityStat),
        stat({
          title: 'Label coverage',
          description:
            'Share of the events in the current window that have their ground-truth label.',
          unit: 'percentunit',
          decimals: 1,
          queries: [{ expr: `max(${ds('model_label_coverage_ratio')})` }],
          thresholds: steps('red', [0.1, 'yellow'], [0.5, 'green']),
          width: 6,
          height: 5,
        }),
      ],
      QUALITY_METRICS.map(qualityHistory),
      estimatedQualityRow,
      classRow,
      labelRow,
    ],
  });
}
