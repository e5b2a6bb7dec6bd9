import { isotonicRegression } from './isotonic-regression.js';
import type { IsotonicFit } from './isotonic-regression.js';

/** One class's probability as the model gives it, keyed by class name. */
export type ProbabilityRow = Readonly<Record<string, number>>;

/** Per-class monotone maps from a model's probability to the observed frequency of the class. */
export interface ProbabilityCalibration {
  /** The calibrated classes, in the order of `fits`. */
  classes: readonly string[];
  /** fits[k] maps the model's probability of classes[k] to the calibrated one. */
  fits: readonly IsotonicFit[];
}

/**
 * Fits a one-vs-rest isotonic calibration per class, as scikit-learn's
 * `CalibratedClassifierCV(method="isotonic")` does on held-out data: for class k, the model's
 * probability of k against the indicator "truth is k", through `isotonicRegression`. Truths
 * outside `classes` count as "not k" for every k. Apply it with `calibrateProbabilities`.
 *
 * O(K · n log n) for K classes and n rows. Throws when there are no classes or rows, when the
 * lengths differ, or when a row lacks a class's probability or holds one outside [0, 1].
 */
export function fitIsotonicCalibration(
  classes: readonly string[],
  rows: readonly ProbabilityRow[],
  truth: readonly string[],
): ProbabilityCalibration {
  if (classes.length === 0) throw new Error('fitIsotonicCalibration requires at least one class');
  if (rows.length === 0) throw new Error('fitIsotonicCalibration requires at least one row');
  if (rows.length !== truth.length) {
    throw new Error('fitIsotonicCalibration requires as many truths as probability rows');
  }
  const fits = classes.map((cls) => {
    const x = rows.map((row, i) => {
      const p = row[cls];
      if (p === undefined || !(p >= 0 && p <= 1)) {
        throw new Error(
          `fitIsotonicCalibration requires a probability in [0, 1] for class "${cls}" (row ${i + 1})`,
        );
      }
      return p;
    });
    return isotonicRegression(
      x,
      truth.map((label) => (label === cls ? 1 : 0)),
    );
  });
  return { classes: [...classes], fits };
}
