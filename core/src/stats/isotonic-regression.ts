import { poolAdjacentViolators } from './pool-adjacent-violators.js';

/** A fitted non-decreasing function: linear between its thresholds, constant beyond them. */
export interface IsotonicFit {
  /** Strictly increasing inputs at which the fit is known. */
  x: Float64Array;
  /** Non-decreasing fitted values at `x`. */
  y: Float64Array;
}

// Inputs closer than this to the first of a run count as one value, as scikit-learn merges ties.
const TIE_RESOLUTION = 1e-15;

/**
 * Fits a non-decreasing function of x to y by weighted least squares, as scikit-learn's
 * `IsotonicRegression(increasing=True).fit(x, y, sample_weight)`: rows sorted by (x, y); inputs
 * within 1e-15 of the first of a run merged into one point with the weighted mean of their y
 * and the sum of their weights; pool adjacent violators over those points; interior points
 * whose value equals both neighbours' dropped (they change no interpolation). Evaluate the fit
 * with `isotonicPredict`.
 *
 * O(n log n) for n rows. Throws when the inputs are empty or differ in length, or hold a
 * non-finite value or a weight that is not positive.
 */
export function isotonicRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): IsotonicFit {
  const n = x.length;
  if (n === 0) throw new Error('isotonicRegression requires at least one row');
  if (y.length !== n || (weights !== undefined && weights.length !== n)) {
    throw new Error('isotonicRegression requires x, y and weights of equal length');
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) {
      throw new Error('isotonicRegression requires finite x and y');
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => x[a]! - x[b]! || y[a]! - y[b]!,
  );
  const weightOf = (i: number) => (weights === undefined ? 1 : weights[i]!);
  const unique = mergeTies(order, x, y, weightOf);
  const fitted = poolAdjacentViolators(unique.y, unique.weights);
  return trimFlatRuns(unique.x, fitted);
}

function mergeTies(
  order: readonly number[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weightOf: (i: number) => number,
) {
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  let runX = x[order[0]!]!;
  let sumWy = 0;
  let sumW = 0;
  for (const i of order) {
    const w = weightOf(i);
    if (!(w > 0 && Number.isFinite(w))) {
      throw new Error('isotonicRegression requires finite positive weights');
    }
    if (x[i]! - runX >= TIE_RESOLUTION) {
      xs.push(runX);
      ys.push(sumWy / sumW);
      ws.push(sumW);
      runX = x[i]!;
      sumWy = 0;
      sumW = 0;
    }
    sumWy += w * y[i]!;
    sumW += w;
  }
  xs.push(runX);
  ys.push(sumWy / sumW);
  ws.push(sumW);
  return { x: xs, y: ys, weights: ws };
}

function trimFlatRuns(x: readonly number[], y: Float64Array): IsotonicFit {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const interior = i > 0 && i < y.length - 1;
    if (!interior || y[i] !== y[i - 1] || y[i] !== y[i + 1]) keep.push(i);
  }
  return {
    x: Float64Array.from(keep, (i) => x[i]!),
    y: Float64Array.from(keep, (i) => y[i]!),
  };
}
