import type { Dashboard } from '../builders/dashboard-model.js';
import { dashboard } from '../builders/dashboard.js';
import { booleanMapping, steps } from '../builders/panel-spec.js';
import { barChart, matrix, stat, timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';
import { datasetVariable } from '../builders/variables.js';

type Column = 'prediction' | 'label';
const COLUMN_TITLE: Record<Column, string> = { prediction: 'Prediction', label: 'Label' };
const ALPHA_STEPS = steps('red', [0.05, 'green']);

function decisionStat(column: Column) {
  return stat({
    title: `${COLUMN_TITLE[column]} drift`,
    description: `Latest ${column} drift decision: drifted when the chi-square test of current against reference ${column} classes has p < 0.05.`,
    unit: 'none',
    queries: [{ expr: `max(${ds('drift_categorical_detected', `column="${column}"`)})` }],
    mappings: [booleanMapping('No drift', 'Drift')],
    width: 6,
    height: 5,
  });
}

function pValueStat(column: Column) {
  return stat({
    title: `${COLUMN_TITLE[column]} chi-square p-value`,
    description: `Latest chi-square p-value of the ${column} class distribution against the reference; red below 0.05.`,
    unit: 'none',
    decimals: 4,
    queries: [{ expr: `max(${ds('drift_categorical_chi2_pvalue', `column="${column}"`)})` }],
    thresholds: ALPHA_STEPS,
    width: 6,
    height: 5,
  });
}

function byColumn(metric: string): string {
  return `max by (column) (${ds(metric)})`;
}

const historyRow = [
  timeSeries({
    title: 'Chi-square p-value',
    description:
      'Chi-square test of homogeneity of current against reference classes, for predictions and labels (log scale); below the dashed 0.05 line the column drifts.',
    unit: 'none',
    queries: [{ expr: byColumn('drift_categorical_chi2_pvalue'), legend: '{{column}}' }],
    thresholds: ALPHA_STEPS,
    thresholdLines: true,
    logScale: true,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Jensen–Shannon distance',
    description:
      'Jensen–Shannon distance (base 2) between current and reference class distributions: 0 identical, 1 disjoint.',
    unit: 'none',
    queries: [{ expr: byColumn('drift_categorical_js_distance'), legend: '{{column}}' }],
    min: 0,
    max: 1,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Class PSI',
    description:
      'Population stability index over classes for predictions and labels; above the dashed 0.25 line the shift is major.',
    unit: 'none',
    queries: [{ expr: byColumn('drift_categorical_psi'), legend: '{{column}}' }],
    thresholds: steps('green', [0.1, 'yellow'], [0.25, 'red']),
    thresholdLines: true,
    min: 0,
    width: 8,
    height: 8,
  }),
];

function classShares(column: Column) {
  const noun = column === 'prediction' ? 'predicted' : 'true (label)';
  return barChart({
    title: `${COLUMN_TITLE[column]} class shares: current vs reference`,
    description: `Share of each ${noun} class in the current window next to its share in the reference.`,
    unit: 'percentunit',
    queries: [
      {
        expr: `max by (class, window) (${ds('model_class_share', `column="${column}"`)})`,
        instant: true,
        table: true,
      },
    ],
    transformations: [matrix('class', 'window')],
    min: 0,
    width: 12,
    height: 10,
  });
}

export function predictionDriftDashboard(): Dashboard {
  return dashboard({
    uid: 'driftwatch-prediction-drift',
    title: 'Driftwatch: Prediction and label drift',
    description:
      'Drift of the predicted and true class distributions against the reference: chi-square, Jensen–Shannon and PSI, and the class shares behind them.',
    variables: [datasetVariable()],
    rows: [
      [
        decisionStat('prediction'),
        pValueStat('prediction'),
        decisionStat('label'),
        pValueStat('label'),
      ],
      historyRow,
      [classShares('prediction'), classShares('label')],
      [
        timeSeries({
          title: 'Predicted class share over time',
          description:
            'Share of each predicted class in the current window over time; the reference shares are in the bar chart above.',
          unit: 'percentunit',
          queries: [
            {
              expr: `max by (class) (${ds('model_class_share', 'column="prediction", window="current"')})`,
              legend: '{{class}}',
            },
          ],
          min: 0,
          width: 24,
          height: 8,
        }),
      ],
    ],
  });
}
