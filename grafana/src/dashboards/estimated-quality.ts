import { fieldOverride } from '../builders/panel-spec.js';
import { timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';

const DASHED = { 'custom.lineStyle': { fill: 'dash', dash: [10, 10] } };
const accuracy = (metric: string, matchers = '') =>
  `max(${ds(metric, `metric="accuracy"${matchers === '' ? '' : `, ${matchers}`}`)})`;

/**
 * Accuracy three ways on one panel: estimated from the current window's calibrated
 * probabilities (with its band), realized over the labelled window, and the reference.
 */
export const estimatedQualityRow = [
  timeSeries({
    title: 'Accuracy: estimated, realized and reference',
    description:
      'Estimated: from the calibrated probabilities of the current window, no labels needed, with its 95% sampling-error band (shaded). Realized: over the labelled window, once labels arrive. Below the alert floor (reference minus margin) the estimate fires ModelQualityEstimatedDrop and the realized value ModelQualityDrop. A shift that keeps the model confident while wrong, or a change in what labels mean, leaves the estimate unmoved.',
    unit: 'percentunit',
    queries: [
      { expr: accuracy('model_quality_estimated'), legend: 'estimated' },
      { expr: accuracy('model_quality_estimated_upper'), legend: 'band upper' },
      { expr: accuracy('model_quality_estimated_lower'), legend: 'band lower' },
      { expr: accuracy('model_quality', 'window="current"'), legend: 'realized' },
      { expr: accuracy('model_quality', 'window="reference"'), legend: 'reference' },
      {
        expr: `max(${ds('dataset_metric:model_quality_floor:reference_minus_margin', 'metric="accuracy"')})`,
        legend: 'alert floor',
      },
    ],
    overrides: [
      fieldOverride('band upper', {
        'custom.lineWidth': 0,
        'custom.fillBelowTo': 'band lower',
        'custom.fillOpacity': 20,
        'custom.hideFrom': { legend: true, tooltip: false, viz: false },
      }),
      fieldOverride('band lower', {
        'custom.lineWidth': 0,
        'custom.hideFrom': { legend: true, tooltip: false, viz: false },
      }),
      fieldOverride('reference', DASHED),
      fieldOverride('alert floor', DASHED),
    ],
    max: 1,
    width: 24,
    height: 9,
  }),
];
