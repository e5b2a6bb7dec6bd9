import type { ThresholdStep } from '../builders/dashboard-model.js';
import { booleanMapping, fieldOverride, type PanelDraft } from '../builders/panel-spec.js';
import { table } from '../builders/panels.js';
import { ds } from '../builders/queries.js';

/** The recorded top ten features by PSI of the selected dataset. */
const TOP_FEATURES = `max by (feature) (${ds('dataset_feature:drift_feature_psi:top10')})`;

function forTopFeatures(metric: string): string {
  return `max by (feature) (${ds(metric)}) and on (feature) ${TOP_FEATURES}`;
}

/** The most drifted features with PSI, KS statistic, KS p-value and decision side by side. */
export function featureTable(psiSteps: ThresholdStep[]): PanelDraft {
  return table({
    title: 'Most drifted features',
    description:
      'The ten features with the highest PSI in the latest report, with their KS statistic, KS p-value and drift decision (KS p < 0.05).',
    unit: 'none',
    decimals: 3,
    queries: [
      { expr: TOP_FEATURES, instant: true, table: true },
      { expr: forTopFeatures('drift_feature_ks_statistic'), instant: true, table: true },
      { expr: forTopFeatures('drift_feature_ks_pvalue'), instant: true, table: true },
      { expr: forTopFeatures('drift_feature_detected'), instant: true, table: true },
    ],
    transformations: [
      { id: 'merge', options: {} },
      {
        id: 'organize',
        options: {
          excludeByName: { Time: true },
          indexByName: { feature: 0, 'Value #A': 1, 'Value #B': 2, 'Value #C': 3, 'Value #D': 4 },
          renameByName: {
            feature: 'Feature',
            'Value #A': 'PSI',
            'Value #B': 'KS statistic',
            'Value #C': 'KS p-value',
            'Value #D': 'Drifted',
          },
        },
      },
    ],
    overrides: [
      fieldOverride('PSI', {
        thresholds: { mode: 'absolute', steps: psiSteps },
        'custom.cellOptions': { type: 'color-text' },
      }),
      fieldOverride('KS p-value', { decimals: 4 }),
      fieldOverride('Drifted', {
        mappings: [booleanMapping('no', 'yes')],
        'custom.cellOptions': { type: 'color-text' },
      }),
    ],
    sortBy: 'PSI',
    width: 14,
    height: 14,
  });
}
