/**
 * A small stand-in for the drift engine: deterministic numbers that follow the window (feature
 * means, share of correct labels), enough to see the service move them around.
 */
import type { DriftTable, ReferenceProfile } from '../../../core/src/drift/engine-api.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import type { DriftEngine } from '../../../monitoring-service/src/datasets/monitored-dataset.js';

const mean = (values: ArrayLike<number>) =>
  Array.from(values).reduce((a, b) => a + b, 0) / values.length;

function counts(values: readonly (string | null)[] | undefined): Map<string, number> | null {
  if (!values) return null;
  const out = new Map<string, number>();
  for (const v of values) if (v !== null) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

export function fakeReport(profile: ReferenceProfile, table: DriftTable): DriftReport {
  const features = Object.fromEntries(
    profile.featureNames.map((name) => {
      const m = mean(table.features[name]!);
      return [
        name,
        { ks: { statistic: m, pValue: m > 1 ? 0.01 : 0.5 }, psi: m / 10, drifted: m > 1 },
      ];
    }),
  );
  const drifted = Object.values(features).filter((f) => f.drifted).length;
  const total = profile.featureNames.length;
  return {
    rows: { reference: profile.rowCount, current: table.rowCount },
    features,
    dataset: {
      driftedFeatures: drifted,
      totalFeatures: total,
      share: drifted / total,
      drifted: drifted / total >= 0.5,
    },
    prediction: table.prediction ? CATEGORICAL : null,
    ...fakeLabelQuality(table),
    estimatedClassification: null,
  };
}

const CATEGORICAL = {
  chiSquare: { statistic: 1, dof: 1, pValue: 0.2 },
  jensenShannon: 0.1,
  psi: 0.05,
  drifted: false,
};

/** Target drift and quality from the share of correct labels, as fakeReport gives them. */
export function fakeLabelQuality(
  table: DriftTable,
): Pick<DriftReport, 'target' | 'classification'> {
  const pairs = (table.target ?? []).flatMap((t, i) =>
    t === null ? [] : [[t, table.prediction![i]!]],
  );
  const accuracy = pairs.filter(([t, p]) => t === p).length / Math.max(1, pairs.length);
  return {
    target: pairs.length > 0 ? CATEGORICAL : null,
    classification:
      pairs.length > 0
        ? {
            accuracy,
            balancedAccuracy: accuracy,
            macro: { precision: accuracy, recall: accuracy, f1: accuracy },
            weighted: { precision: accuracy, recall: accuracy, f1: accuracy },
            perClass: {},
            labels: [],
            confusionMatrix: [],
          }
        : null,
  };
}

export const fakeEngine: DriftEngine = {
  async readReferenceTable(_path, definition) {
    const features = Object.fromEntries(
      definition.featureNames.map((n) => [n, Float64Array.of(0, 1)]),
    );
    return { rowCount: 2, features, prediction: ['curl', 'walk'], target: ['curl', 'walk'] };
  },
  fitReferenceProfile(reference, featureNames) {
    return {
      featureNames,
      rowCount: reference.rowCount,
      sorted: {},
      psi: {},
      predictionCounts: counts(reference.prediction),
      targetCounts: counts(reference.target),
      quality: null,
      nullSource: null,
      hash: 'fakehash',
      calibration: null,
    };
  },
  computeDriftReport: (profile, table) => fakeReport(profile, table),
  computeLabelQuality: (_profile, table) => fakeLabelQuality(table),
};
