import type { ProbabilityCalibration, ProbabilityRow } from './isotonic-calibration.js';
import { isotonicPredict } from './isotonic-predict.js';

/**
 * A row's calibrated truth distribution given its prediction: the predicted class gets the
 * value of its top-label map (`predictedFits`: how often reference rows predicted as the class,
 * with that probability of it, were of the class; its one-against-the-rest map when the
 * reference never predicted it), and the rest, 1 minus that, is shared by the other classes in
 * proportion to their one-against-the-rest calibrated probabilities (evenly when those are all
 * 0). Normalising the whole row of one-against-the-rest values instead (as scikit-learn's
 * CalibratedClassifierCV does) shrinks the predicted class by the small calibrated values of
 * every other class and so understates how often the prediction is right. `predicted` is the index of the predicted class in the calibration's
 * classes, or −1 for a class it does not know (then the other classes share all of the row).
 *
 * O(K log t) for K classes and t thresholds per map. Writes into and returns `out` (length K).
 * Throws when a probability is not a number in [0, 1] or `predicted` is out of range.
 */
export function calibrateAroundPrediction(
  calibration: ProbabilityCalibration,
  row: ProbabilityRow,
  predicted: number,
  out: Float64Array = new Float64Array(calibration.classes.length),
): Float64Array {
  const { classes, fits, predictedFits } = calibration;
  if (!(Number.isInteger(predicted) && predicted >= -1 && predicted < classes.length)) {
    throw new Error(`calibrateAroundPrediction requires a class index, got ${predicted}`);
  }
  let others = 0;
  for (let k = 0; k < classes.length; k++) {
    const p = row[classes[k]!] ?? 0;
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`calibrateAroundPrediction requires probabilities in [0, 1], got ${p}`);
    }
    const fit = (k === predicted ? predictedFits[k] : null) ?? fits[k]!;
    out[k] = Math.min(1, Math.max(0, isotonicPredict(fit, p)));
    if (k !== predicted) others += out[k]!;
  }
  const kept = predicted >= 0 ? out[predicted]! : 0;
  const rest = 1 - kept;
  const otherCount = predicted >= 0 ? classes.length - 1 : classes.length;
  for (let k = 0; k < classes.length; k++) {
    if (k === predicted) continue;
    out[k] = others > 0 ? (rest * out[k]!) / others : otherCount > 0 ? rest / otherCount : 0;
  }
  return out;
}
