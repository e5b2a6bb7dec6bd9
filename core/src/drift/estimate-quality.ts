import { calibrateAroundPrediction } from '../stats/calibrate-around-prediction.js';
import { compareCodePoints } from '../stats/code-point-order.js';
import { expectedClassificationScores } from '../stats/expected-classification.js';
import { expectedConfusion } from '../stats/expected-confusion.js';
import { expectedScoreStandardErrors } from '../stats/expected-score-errors.js';
import type { QualityStandardErrors } from '../stats/expected-score-errors.js';
import { type ClassificationQuality, overallScores } from '../stats/classification-types.js';
import type { ProbabilityCalibration, ProbabilityRow } from '../stats/isotonic-calibration.js';
import type { EstimateBand, EstimatedClassification } from './estimated-classification-types.js';

/** Two-sided 95 %: the standard normal quantile at 0.975. */
export const ESTIMATE_BAND_CONFIDENCE = 0.95;
const Z_95 = 1.959963984540054;

/**
 * Confidence-based performance estimation (after NannyML's CBPE): the classification quality a
 * window of predictions is expected to have, without its labels. Each row's prediction is taken
 * as given and its truth as a draw from its calibrated distribution
 * (`calibrateAroundPrediction`, maps fitted on labelled reference data): the predicted class
 * gets its top-label calibrated probability, the other classes share the rest. Expected accuracy
 * is the mean calibrated probability of the predicted class; the expected confusion matrix adds
 * each row's distribution to its prediction's column, and precision, recall, F1 and balanced
 * accuracy are read off it (`expectedClassificationScores`). Each overall metric gets a 95 %
 * band of ±1.96 standard errors of the realized value around the estimate when rows are
 * independent (`expectedScoreStandardErrors`).
 *
 * Blind to concept change: when P(label | features) moves while the probabilities do not, the
 * estimate stays where it was.
 *
 * O(n · K log t + n · L) for n rows, K calibrated classes, t thresholds per map and L labels.
 * Throws when there are no rows, the lengths differ or a probability is outside [0, 1].
 */
export function estimateClassification(
  calibration: ProbabilityCalibration,
  probabilityRows: readonly ProbabilityRow[],
  predictedLabels: readonly string[],
): EstimatedClassification {
  if (probabilityRows.length === 0) {
    throw new Error('estimateClassification requires at least one row');
  }
  if (probabilityRows.length !== predictedLabels.length) {
    throw new Error('estimateClassification requires one predicted label per probability row');
  }
  const labels = [...new Set([...calibration.classes, ...predictedLabels])].sort(compareCodePoints);
  const index = new Map(labels.map((label, i) => [label, i]));
  const distributions = truthDistributions(calibration, probabilityRows, predictedLabels, index);
  const predicted = Int32Array.from(predictedLabels, (label) => index.get(label)!);
  const confusion = expectedConfusion(labels, distributions, predicted);
  const scores = expectedClassificationScores(confusion);
  const errors = expectedScoreStandardErrors(confusion, scores, distributions, predicted);
  return {
    ...scores,
    rows: probabilityRows.length,
    band: { confidence: ESTIMATE_BAND_CONFIDENCE, ...bands(scores, errors) },
  };
}

/** Each row's calibrated truth distribution, spread over the report's labels. */
function truthDistributions(
  calibration: ProbabilityCalibration,
  rows: readonly ProbabilityRow[],
  predictedLabels: readonly string[],
  labelIndex: ReadonlyMap<string, number>,
): Float64Array[] {
  const classColumns = calibration.classes.map((cls) => labelIndex.get(cls)!);
  const classIndex = new Map(calibration.classes.map((cls, k) => [cls, k]));
  const scratch = new Float64Array(calibration.classes.length);
  return rows.map((row, i) => {
    const predictedClass = classIndex.get(predictedLabels[i]!) ?? -1;
    const calibrated = calibrateAroundPrediction(calibration, row, predictedClass, scratch);
    const distribution = new Float64Array(labelIndex.size);
    classColumns.forEach((column, k) => {
      distribution[column] = calibrated[k]!;
    });
    return distribution;
  });
}

/** estimate ± z · standard error per overall metric, clipped to [0, 1]. */
function bands(
  scores: ClassificationQuality,
  errors: QualityStandardErrors,
): Record<keyof QualityStandardErrors, EstimateBand> {
  const estimates = overallScores(scores);
  const band = (name: keyof QualityStandardErrors): EstimateBand => ({
    standardError: errors[name],
    lower: Math.max(0, estimates[name] - Z_95 * errors[name]),
    upper: Math.min(1, estimates[name] + Z_95 * errors[name]),
  });
  return {
    accuracy: band('accuracy'),
    balancedAccuracy: band('balancedAccuracy'),
    precisionMacro: band('precisionMacro'),
    recallMacro: band('recallMacro'),
    f1Macro: band('f1Macro'),
    f1Weighted: band('f1Weighted'),
  };
}
