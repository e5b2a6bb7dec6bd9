import type { IsotonicFit } from './isotonic-regression.js';

/**
 * The value of an isotonic fit at `value`: linear interpolation between the fit's thresholds,
 * the end values outside them, as scikit-learn's `IsotonicRegression(out_of_bounds="clip")
 * .predict` (scipy `interp1d`, linear). A fit with a single threshold is constant.
 *
 * O(log k) for k thresholds. Throws when `value` is NaN.
 */
export function isotonicPredict(fit: IsotonicFit, value: number): number {
  if (Number.isNaN(value)) throw new Error('isotonicPredict requires a number, got NaN');
  const { x, y } = fit;
  const last = x.length - 1;
  if (last <= 0 || value <= x[0]!) return y[0]!;
  if (value >= x[last]!) return y[last]!;
  // The first threshold at or above value (numpy searchsorted, side "left").
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const x0 = x[lo - 1]!;
  const y0 = y[lo - 1]!;
  const slope = (y[lo]! - y0) / (x[lo]! - x0);
  return slope * (value - x0) + y0;
}
