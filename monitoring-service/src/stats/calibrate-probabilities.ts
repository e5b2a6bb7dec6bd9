import type { ProbabilityCalibration, ProbabilityRow } from './isotonic-calibration.js';
import { isotonicPredict } from './isotonic-predict.js';

/**
 * A row's calibrated class distribution: each class's probability through its calibration map,
 * then divided by their sum so the row sums to 1 (uniform when every calibrated value is 0), as
 * scikit-learn's `CalibratedClassifierCV` normalises multiclass output. A class missing from
 * the row counts as probability 0; classes the calibration does not know are ignored.
 *
 * O(K log t) for K classes and t thresholds per map. Writes into and returns `out` (length K,
 * in the calibration's class order). Throws when a probability is not a number in [0, 1].
 */
export function calibrateProbabilities(
  calibration: ProbabilityCalibration,
  row: ProbabilityRow,
  out: Float64Array = new Float64Array(calibration.classes.length),
): Float64Array {
  const { classes, fits } = calibration;
  let sum = 0;
  for (let k = 0; k < classes.length; k++) {
    const p = row[classes[k]!] ?? 0;
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`calibrateProbabilities requires probabilities in [0, 1], got ${p}`);
    }
    const calibrated = isotonicPredict(fits[k]!, p);
    out[k] = calibrated;
    sum += calibrated;
  }
  for (let k = 0; k < classes.length; k++) {
    out[k] = sum > 0 ? out[k]! / sum : 1 / classes.length;
  }
  return out;
}
