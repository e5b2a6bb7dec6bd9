/**
 * Classification quality series of one window (current = labelled window, reference = the
 * reference profile). The tracker key is per window so the two never clear each other.
 */
import type { QualityFloor } from '@driftwatch/core/drift/null-calibration';
import type { ClassificationQuality } from '@driftwatch/core/drift/report-types';
import { type OverallScores, overallScores } from '@driftwatch/core/stats/classification-types';
import type { Metrics } from './metrics.js';
import type { Series, SeriesTracker } from './series-tracker.js';

/** The `metric` label of each overall score, as every quality series names it. */
export const METRIC_LABELS: Readonly<Record<keyof OverallScores, string>> = {
  accuracy: 'accuracy',
  balancedAccuracy: 'balanced_accuracy',
  precisionMacro: 'precision_macro',
  recallMacro: 'recall_macro',
  f1Macro: 'f1_macro',
  f1Weighted: 'f1_weighted',
};

/** One series per score of `scores`, labelled with its metric name and `labels`. */
export function scoreSeries<L extends Record<string, string>>(
  scores: Partial<OverallScores>,
  labels: L,
): Series<(keyof L & string) | 'metric'>[] {
  return (Object.keys(METRIC_LABELS) as (keyof OverallScores)[])
    .filter((name) => scores[name] !== undefined)
    .map((name) => ({ labels: { ...labels, metric: METRIC_LABELS[name] }, value: scores[name]! }));
}

export function publishQuality(
  m: Metrics,
  t: SeriesTracker,
  dataset: string,
  window: 'current' | 'reference',
  q: ClassificationQuality | null,
): void {
  const key = `${dataset}\u0000${window}`;
  const overall = q ? scoreSeries(overallScores(q), { dataset, window }) : [];
  t.replace(m.modelQuality, key, overall);
  const perClass = Object.entries(q?.perClass ?? {}).flatMap(([cls, s]) =>
    (['precision', 'recall', 'f1'] as const).map((metric) => ({
      labels: { dataset, class: cls, metric, window },
      value: s[metric],
    })),
  );
  t.replace(m.classQuality, key, perClass);
  if (window === 'current') {
    const cells = (q?.labels ?? []).flatMap((actual, i) =>
      (q?.labels ?? []).map((predicted, j) => ({
        labels: { dataset, actual, predicted },
        value: q?.confusionMatrix[i]?.[j] ?? 0,
      })),
    );
    t.replace(m.confusionMatrix, dataset, cells);
  }
}

/**
 * The labelled window's calibrated quality floor (model_quality_calibrated_floor) under the
 * metric names of model_quality; no series without one.
 */
export function publishQualityFloor(
  m: Metrics,
  t: SeriesTracker,
  dataset: string,
  floor: QualityFloor | null,
): void {
  t.replace(m.qualityCalibratedFloor, dataset, floor ? scoreSeries(floor, { dataset }) : []);
}
