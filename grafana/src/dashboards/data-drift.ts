import type { Dashboard } from '../builders/dashboard-model.js';
import { dashboard } from '../builders/dashboard.js';
import { booleanMapping, steps } from '../builders/panel-spec.js';
import { seriesHeatmap } from '../builders/heatmap-panel.js';
import { sortedBarGauge, stateTimeline, timeSeries } from '../builders/panels.js';
import { ds } from '../builders/queries.js';
import { datasetVariable, labelVariable } from '../builders/variables.js';
import { driftSummaryRow, windowRow } from './data-drift-status.js';
import { featureTable } from './feature-table.js';

const PSI_STEPS = steps('green', [0.1, 'yellow'], [0.25, 'red']);

/** Where a log axis of p-values stops: 0 cannot be drawn on it, so smaller values sit here. */
const P_VALUE_FLOOR = 1e-16;

/** Regex of the raw-signal summary columns the prediction service forwards as monitored-only. */
const SUMMARY_COLUMNS = '.+_(mean|std)';

const pagingRow = [
  timeSeries({
    title: 'Features family p-value (FeatureDriftHigh)',
    description:
      'The smallest decision p-value among the tested columns times their number (Bonferroni), log scale. FeatureDriftHigh pages when it stays below the dashed alert level for a minute.',
    unit: 'none',
    queries: [
      {
        expr: `clamp_min(max(${ds('drift_dataset_family_pvalue')}), ${P_VALUE_FLOOR})`,
        legend: 'family p-value',
      },
      { expr: 'max(driftwatch:drift_alert_pvalue)', legend: 'alert level' },
    ],
    logScale: true,
    min: P_VALUE_FLOOR,
    max: 1,
    width: 12,
    height: 8,
  }),
  timeSeries({
    title: 'Raw-signal summaries: KS statistic',
    description:
      'KS statistic of the mean and standard deviation of each raw axis (monitored-only columns, not model inputs). They move for a sensor gain (the spreads) or a watch on the other arm (the means of mirrored axes), which the normalised FFT features cannot show.',
    unit: 'none',
    decimals: 3,
    queries: [
      {
        expr: `max by (feature) (${ds('drift_feature_ks_statistic', `feature=~"${SUMMARY_COLUMNS}"`)})`,
        legend: '{{feature}}',
      },
    ],
    min: 0,
    max: 1,
    width: 12,
    height: 8,
  }),
];

const heatmapRow = [
  seriesHeatmap({
    title: 'KS statistic by feature over time',
    description:
      'Every feature (rows) over time (columns), coloured by its two-sample KS statistic D against the reference: which features drift, since when, and whether together.',
    unit: 'none',
    decimals: 3,
    queries: [
      { expr: `max by (feature) (${ds('drift_feature_ks_statistic')})`, legend: '{{feature}}' },
    ],
    maxValue: 1,
    width: 24,
    height: 16,
  }),
];

const historyRows = [
  [
    stateTimeline({
      title: 'Drift state',
      description:
        'Dataset drift decision over time (0 no drift, 1 drift); gaps are times without a decision.',
      unit: 'none',
      queries: [{ expr: `max(${ds('drift_dataset_detected')})`, legend: 'dataset drift' }],
      mappings: [booleanMapping('No drift', 'Drift')],
      width: 24,
      height: 4,
    }),
  ],
  [
    timeSeries({
      title: 'Share of drifted features',
      description:
        'Share of tested columns whose decision p-value (KS, calibrated for the window clustering) is below 0.05 over time; the dashed line is the dataset drift share (50 %).',
      unit: 'percentunit',
      queries: [
        { expr: `max(${ds('drift_dataset_drifted_features_share')})`, legend: 'drifted share' },
      ],
      thresholds: steps('green', [0.5, 'red']),
      thresholdLines: true,
      min: 0,
      max: 1,
      width: 12,
      height: 7,
    }),
    timeSeries({
      title: 'Number of drifted features',
      description:
        'Count of tested columns whose decision p-value (KS, calibrated for the window clustering) is below 0.05 over time.',
      unit: 'none',
      queries: [
        { expr: `max(${ds('drift_dataset_drifted_features')})`, legend: 'drifted features' },
      ],
      min: 0,
      width: 12,
      height: 7,
    }),
  ],
  [
    timeSeries({
      title: 'KS p-value by feature',
      description:
        'Two-sample Kolmogorov–Smirnov p-value of each selected feature against the reference (log scale); below the dashed 0.05 line the feature drifts. p-values under 1e-16, exactly 0 included, are drawn at 1e-16 so the most drifted features stay on the chart.',
      unit: 'none',
      queries: [
        {
          expr: `clamp_min(max by (feature) (${ds('drift_feature_ks_pvalue', 'feature=~"$feature"')}), ${P_VALUE_FLOOR})`,
          legend: '{{feature}}',
        },
      ],
      thresholds: steps('red', [0.05, 'green']),
      thresholdLines: true,
      logScale: true,
      min: P_VALUE_FLOOR,
      max: 1,
      width: 12,
      height: 9,
    }),
    timeSeries({
      title: 'PSI by feature',
      description:
        'Population stability index of each selected feature over reference deciles; above 0.1 is a moderate shift, above 0.25 a major one.',
      unit: 'none',
      queries: [
        {
          expr: `max by (feature) (${ds('drift_feature_psi', 'feature=~"$feature"')})`,
          legend: '{{feature}}',
        },
      ],
      thresholds: PSI_STEPS,
      thresholdLines: true,
      min: 0,
      width: 12,
      height: 9,
    }),
  ],
];

const currentRow = [
  sortedBarGauge({
    title: 'Current PSI by feature',
    description: 'PSI of every feature in the latest report, largest first.',
    unit: 'none',
    decimals: 3,
    queries: [
      {
        expr: `sort_desc(max by (feature) (${ds('drift_feature_psi')}))`,
        instant: true,
        table: true,
      },
    ],
    thresholds: PSI_STEPS,
    min: 0,
    width: 10,
    height: 14,
  }),
  featureTable(PSI_STEPS),
];

export function dataDriftDashboard(): Dashboard {
  return dashboard({
    uid: 'driftwatch-data-drift',
    title: 'Driftwatch: Data drift',
    description:
      'Feature drift of production traffic against the reference: KS and PSI per feature and per raw-signal summary, the dataset drift decision, the value FeatureDriftHigh pages on, and the window it was made on.',
    variables: [
      datasetVariable(),
      labelVariable({
        name: 'feature',
        label: 'Feature',
        description: 'Features shown in the per-feature panels over time.',
        selector: ds('drift_feature_psi'),
        labelName: 'feature',
        multi: true,
      }),
    ],
    rows: [driftSummaryRow, ...historyRows, pagingRow, heatmapRow, currentRow, windowRow],
  });
}
