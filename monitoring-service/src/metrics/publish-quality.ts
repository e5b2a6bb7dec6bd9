/**
 * Classification quality series of one window (current = labelled window, reference = the
 * reference profile). The tracker key is per window so the two never clear each other.
 */
import type { QualityFloor } from '../drift/null-calibration.js';
import type { ClassificationQuality } from '../drift/report-types.js';
import type { Metrics } from './metrics.js';
import type { Series, SeriesTracker } from './series-tracker.js';

export function publishQuality(
  m: Metrics,
  t: SeriesTracker,
  dataset: string,
  window: 'current' | 'reference',
  q: ClassificationQuality | null,
): void {
  const key = `${dataset}\u0000${window}`;
  const overall: Series<'dataset' | 'metric' | 'window'>[] = q
    ? Object.entries({
        accuracy: q.accuracy,
        balanced_accuracy: q.balancedAccuracy,
        precision_macro: q.macro.precision,
        recall_macro: q.macro.recall,
        f1_macro: q.macro.f1,
        f1_weighted: q.weighted.f1,
      }).map(([metric, value]) => ({ labels: { dataset, metric, window }, value }))
    : [];
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
  const series = floor
    ? Object.entries({
        accuracy: floor.accuracy,
        balanced_accuracy: floor.balancedAccuracy,
        f1_macro: floor.f1Macro,
      }).map(([metric, value]) => ({ labels: { dataset, metric }, value }))
    : [];
  t.replace(m.qualityCalibratedFloor, dataset, series);
}
