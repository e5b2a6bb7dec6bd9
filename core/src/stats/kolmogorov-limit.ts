/**
 * The Kolmogorov distribution, the limit of √n·Dₙ: survival Q(λ) = 2 Σₖ₌₁ (−1)ᵏ⁻¹ e^(−2k²λ²), as
 * `scipy.stats.kstwobign.sf`. Below λ = 0.6 the alternating series converges slowly, so the
 * Jacobi-theta form of the CDF, (√(2π)/λ) Σₖ₌₁ e^(−(2k−1)²π²/(8λ²)), is used there. O(1): at
 * most 100 terms, usually a handful. Returns 1 for λ ≤ 0.
 */
export function kolmogorovLimitSf(lambda: number): number {
  if (Number.isNaN(lambda)) throw new RangeError('kolmogorovLimitSf requires a number, got NaN');
  if (lambda <= 0) return 1;
  if (lambda < 0.6) {
    let cdf = 0;
    for (let k = 1; k <= 100; k++) {
      const term = Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * lambda * lambda));
      cdf += term;
      if (term < 1e-17 * cdf) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf;
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * The λ with kolmogorovLimitSf(λ) = p, as `scipy.stats.kstwobign.isf(p)`, by bisection to 1e-13.
 * Throws a RangeError unless 0 < p < 1.
 */
export function kolmogorovLimitIsf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`kolmogorovLimitIsf requires 0 < p < 1, got ${p}`);
  let lo = 0;
  let hi = 10;
  while (hi - lo > 1e-13) {
    const mid = (lo + hi) / 2;
    if (kolmogorovLimitSf(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
