import { isotonicRegression } from './isotonic-regression.js';
import type { IsotonicFit } from './isotonic-regression.js';

/** The model's probabilities for one row, keyed by class name. */
export type ProbabilityRow = Readonly<Record<string, number>>;

/** Per-class monotone maps from a model's probability to the observed frequency of the class. */
export interface ProbabilityCalibration {
  /** The calibrated classes, in the order of `fits`. */
  classes: readonly string[];
  /** fits[k] maps the model's probability of classes[k] to the calibrated one (all rows). */
  fits: readonly IsotonicFit[];
  /**
   * predictedFits[k] maps the model's probability of classes[k] to how often the truth is
   * classes[k] among the rows predicted as classes[k]; null when no row was.
   */
  predictedFits: readonly (IsotonicFit | null)[];
}

/**
 * Fits two monotone maps per class on labelled rows, each with `isotonicRegression`:
 * - one against the rest, as scikit-learn's `CalibratedClassifierCV(method="isotonic")` does:
 *   the model's probability of class k against the indicator "truth is k", over all rows;
 * - the same over the rows predicted as k only (top-label calibration). Being the largest
 *   probability tells something too: rows predicted k are k more often than other rows with the
 *   same probability of k, so this map, not the first, says how often a prediction is right.
 * Truths outside `classes` count as "not k" for every k. Apply the maps with
 * `calibrateAroundPrediction`.
 *
 * O(K · n log n) for K classes and n rows. Throws when there are no classes or rows, when the
 * lengths differ, or when a row lacks a class's probability or holds one outside [0, 1].
 */
export function fitIsotonicCalibration(
  classes: readonly string[],
  rows: readonly ProbabilityRow[],
  truth: readonly string[],
  predicted: readonly string[],
): ProbabilityCalibration {
  if (classes.length === 0) throw new Error('fitIsotonicCalibration requires at least one class');
  if (rows.length === 0) throw new Error('fitIsotonicCalibration requires at least one row');
  if (rows.length !== truth.length || rows.length !== predicted.length) {
    throw new Error('fitIsotonicCalibration requires a truth and a prediction per probability row');
  }
  const fits: IsotonicFit[] = [];
  const predictedFits: (IsotonicFit | null)[] = [];
  for (const cls of classes) {
    const x = rows.map((row, i) => {
      const p = row[cls];
      if (p === undefined || !(p >= 0 && p <= 1)) {
        throw new Error(
          `fitIsotonicCalibration requires a probability in [0, 1] for class "${cls}" (row ${i + 1})`,
        );
      }
      return p;
    });
    const hit = truth.map((label) => (label === cls ? 1 : 0));
    fits.push(isotonicRegression(x, hit));
    const mine = predicted.flatMap((label, i) => (label === cls ? [i] : []));
    predictedFits.push(
      mine.length > 0
        ? isotonicRegression(
            mine.map((i) => x[i]!),
            mine.map((i) => hit[i]!),
          )
        : null,
    );
  }
  return { classes: [...classes], fits, predictedFits };
}
