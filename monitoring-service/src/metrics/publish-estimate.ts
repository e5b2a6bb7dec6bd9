/**
 * Publishes a report's label-free quality estimate: the estimate and its band per metric, with
 * the metric names of `model_quality`. No estimate (no probabilities, window below its minimum)
 * removes the series.
 */
import type { EstimatedClassification } from '@driftwatch/core/drift/report-types';
import { type OverallScores, overallScores } from '@driftwatch/core/stats/classification-types';
import type { Metrics } from './metrics.js';
import { METRIC_LABELS, scoreSeries } from './publish-quality.js';
import type { SeriesTracker } from './series-tracker.js';

export function publishEstimatedQuality(
  m: Metrics,
  t: SeriesTracker,
  dataset: string,
  estimate: EstimatedClassification | null,
): void {
  const labels = { dataset };
  const bounds = (side: 'lower' | 'upper') => {
    const values: Partial<Record<keyof OverallScores, number>> = {};
    for (const name of Object.keys(METRIC_LABELS) as (keyof OverallScores)[]) {
      values[name] = estimate!.band[name][side];
    }
    return scoreSeries(values, labels);
  };
  t.replace(
    m.qualityEstimated,
    dataset,
    estimate ? scoreSeries(overallScores(estimate), labels) : [],
  );
  t.replace(m.qualityEstimatedLower, dataset, estimate ? bounds('lower') : []);
  t.replace(m.qualityEstimatedUpper, dataset, estimate ? bounds('upper') : []);
}
