/**
 * The evidence each drift decision weighs, beside the exact statistics the report publishes. A
 * decision compares its own p-value with α: for a calibrated window, the p-value of the statistic
 * against how much it varies without drift for windows of this shape (null-calibration.ts);
 * without a calibration, the exact test's own p-value, which counts rows as independent. The
 * threshold is the statistic at which that p-value reaches α, so a reader can see the margin.
 */
import { chiSquareQuantile, chiSquareSf } from '../stats/chi-square-quantile.js';
import { kolmogorovLimitIsf, kolmogorovLimitSf } from '../stats/kolmogorov-limit.js';

export interface Decision {
  /** `ks` or `chi-square` (rows counted as independent), or the same with `-calibrated`. */
  method: string;
  /** The statistic decided on (KS D, or the chi-square statistic). */
  statistic: number;
  /** The p-value the decision compared with α. */
  pValue: number;
  /** The statistic above which the decision is drift, at the report's α. */
  threshold: number;
  /** KS: the sample size the statistic counts as (rows, or fewer for clustered windows). */
  effectiveSize?: number;
  /** Chi-square: by how much clustering inflates the statistic (1: not at all). */
  inflation?: number;
}

/**
 * KS decision for a statistic D of a window of `n` rows against `m` reference rows. With an
 * effective size `en` from a calibration, p = Q(D·√en) of the Kolmogorov distribution (the form
 * the calibration was fitted in); without one, p is the exact test's `exactPValue` and
 * en = n·m/(n+m). The threshold is the D with Q(D·√en) = α: exact for the calibrated method, the
 * large-sample approximation of the exact test's otherwise. O(1).
 */
export function ksDecision(
  statistic: number,
  exactPValue: number,
  sizes: { n: number; m: number; effectiveSize?: number },
  alpha: number,
): Decision {
  const calibrated = sizes.effectiveSize !== undefined;
  const en = sizes.effectiveSize ?? (sizes.n * sizes.m) / (sizes.n + sizes.m);
  return {
    method: calibrated ? 'ks-calibrated' : 'ks',
    statistic,
    pValue: calibrated ? kolmogorovLimitSf(statistic * Math.sqrt(en)) : exactPValue,
    threshold: kolmogorovLimitIsf(alpha) / Math.sqrt(en),
    effectiveSize: en,
  };
}

/**
 * Chi-square decision: the statistic divided by the calibration's inflation φ (1 without one)
 * against chi2(dof). Threshold φ·chi2.ppf(1 − α, dof). With dof 0 (one category) nothing can
 * drift: p = 1 and the threshold is infinite.
 */
export function chiSquareDecision(
  test: { statistic: number; dof: number; pValue: number },
  inflation: number | undefined,
  alpha: number,
): Decision {
  const method = inflation === undefined ? 'chi-square' : 'chi-square-calibrated';
  const phi = inflation ?? 1;
  if (test.dof < 1) {
    return {
      method,
      statistic: test.statistic,
      pValue: 1,
      threshold: Number.POSITIVE_INFINITY,
      inflation: phi,
    };
  }
  return {
    method,
    statistic: test.statistic,
    pValue: inflation === undefined ? test.pValue : chiSquareSf(test.statistic / phi, test.dof),
    threshold: phi * chiSquareQuantile(1 - alpha, test.dof),
    inflation: phi,
  };
}
