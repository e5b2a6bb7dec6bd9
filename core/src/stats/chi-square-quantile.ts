import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * The chi-square distribution's survival function chi2.sf(x, dof), the upper regularized
 * incomplete gamma Q(dof/2, x/2), as `scipy.stats.chi2.sf`. O(1) (series or continued fraction).
 * Throws a RangeError unless dof is a positive integer.
 */
export function chiSquareSf(x: number, dof: number): number {
  if (!(Number.isInteger(dof) && dof >= 1)) {
    throw new RangeError(`chiSquareSf requires a positive integer dof, got ${dof}`);
  }
  return x <= 0 ? 1 : gammainc(x / 2, dof / 2, true, true);
}

/**
 * The chi-square quantile chi2.ppf(q, dof): the x with cdf q, as `scipy.stats.chi2.ppf` to a
 * relative 1e-12, by bisection on chiSquareSf. O(100) evaluations. Throws a RangeError unless
 * 0 < q < 1 and dof is a positive integer.
 */
export function chiSquareQuantile(q: number, dof: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`chiSquareQuantile requires 0 < q < 1, got ${q}`);
  let lo = 0;
  let hi = Math.max(1, dof);
  while (chiSquareSf(hi, dof) > 1 - q) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareSf(mid, dof) > 1 - q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
