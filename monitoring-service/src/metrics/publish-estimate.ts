/**
 * Publishes a report's label-free quality estimate: the estimate and its band per metric, with
 * the metric names of `model_quality`. No estimate (no probabilities, window below its minimum)
 * removes the series.
 */
import type { EstimatedClassification } from '../drift/report-types.js';
import type { Metrics } from './metrics.js';
import type { SeriesTracker } from './series-tracker.js';

export function publishEstimatedQuality(
  m: Metrics,
  t: SeriesTracker,
  dataset: string,
  estimate: EstimatedClassification | null,
): void {
  const metrics = estimate
    ? {
        accuracy: [estimate.accuracy, estimate.band.accuracy],
        balanced_accuracy: [estimate.balancedAccuracy, estimate.band.balancedAccuracy],
        precision_macro: [estimate.macro.precision, estimate.band.precisionMacro],
        recall_macro: [estimate.macro.recall, estimate.band.recallMacro],
        f1_macro: [estimate.macro.f1, estimate.band.f1Macro],
        f1_weighted: [estimate.weighted.f1, estimate.band.f1Weighted],
      }
    : {};
  const rows = Object.entries(metrics).map(([metric, [value, band]]) => ({
    labels: { dataset, metric },
    value,
    band,
  }));
  t.replace(
    m.qualityEstimated,
    dataset,
    rows.map(({ labels, value }) => ({ labels, value })),
  );
  t.replace(
    m.qualityEstimatedLower,
    dataset,
    rows.map(({ labels, band }) => ({ labels, value: band.lower })),
  );
  t.replace(
    m.qualityEstimatedUpper,
    dataset,
    rows.map(({ labels, band }) => ({ labels, value: band.upper })),
  );
}
