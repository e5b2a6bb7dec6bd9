/**
 * The series of the label-free quality estimate: `model_quality_estimated{metric}` (a pinned
 * name) and the bounds of its sampling-error band. Part of `createMetrics`.
 */
import type { Gauge } from 'prom-client';

type GaugeFactory = <L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
) => Gauge<L>;

export function createEstimateMetrics(gauge: GaugeFactory) {
  const labels = ['dataset', 'metric'] as const;
  return {
    qualityEstimated: gauge(
      'model_quality_estimated',
      'Classification quality of the current window estimated from calibrated probabilities, without labels.',
      labels,
    ),
    qualityEstimatedLower: gauge(
      'model_quality_estimated_lower',
      'Lower bound of the 95% sampling-error band of model_quality_estimated.',
      labels,
    ),
    qualityEstimatedUpper: gauge(
      'model_quality_estimated_upper',
      'Upper bound of the 95% sampling-error band of model_quality_estimated.',
      labels,
    ),
  };
}
