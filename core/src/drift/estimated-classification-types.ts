/**
 * The `estimatedClassification` section of the drift report: classification quality estimated
 * without labels from the model's calibrated probabilities, with a sampling-error band.
 */
import type { ClassificationQuality } from '../stats/classification-types.js';
import type { QualityStandardErrors } from '../stats/expected-score-errors.js';

/** One metric's band: estimate ± z · standardError, clipped to [0, 1]. */
export interface EstimateBand {
  standardError: number;
  lower: number;
  upper: number;
}

/**
 * Same fields as `classification`, read off the expected confusion matrix: expected counts
 * (fractional) in `confusionMatrix` and `support`; `labels` are the calibrated classes and the
 * predicted labels, sorted.
 */
export interface EstimatedClassification extends ClassificationQuality {
  /** Rows the estimate was made from: the window's rows that carry probabilities. */
  rows: number;
  /** Sampling-error bands of the overall metrics at the stated two-sided confidence. */
  band: { confidence: number } & Record<keyof QualityStandardErrors, EstimateBand>;
}
