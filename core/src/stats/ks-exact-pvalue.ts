import { gcd, latticeExitProbability } from './ks-lattice-exit.js';

/** What scipy's exact two-sided two-sample KS attempt yields. */
export interface KsExactAttempt {
  /** D moved onto the lattice: h/lcm(n1, n2) with h = round(D·lcm). */
  statistic: number;
  /** The exact p-value, or NaN when scipy's attempt fails and it falls back to `kstwo`. */
  pValue: number;
}

/**
 * The exact two-sided p-value of the two-sample KS statistic `d` as scipy's
 * `_attempt_exact_2kssamp(n1, n2, g, d, 'two-sided')` computes it: h = round(d·lcm) (d is within
 * rounding of a multiple of 1/lcm, so ties to even never arise), d replaced by h/lcm; p = 1 when
 * h = 0; for n1 = n2 = n the alternating series 2·Σ_k (−1)^(k+1) C(2n, n − kh)/C(2n, n) in
 * scipy's Horner form and operation order, whose rounding can give a value just above 1 — scipy
 * then reports the attempt as failed, and so does this function (pValue NaN); otherwise the
 * lattice-path probability of `latticeExitProbability`.
 *
 * O(n1 + n2) for equal sizes, O(D·n1·n2) otherwise.
 */
export function ksExactPValue(n1: number, n2: number, d: number): KsExactAttempt {
  const lcm = (n1 / gcd(n1, n2)) * n2;
  const h = Math.round(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { statistic, pValue: 1 };
  if (n1 === n2) {
    const p = equalSizeExitProbability(n1, h);
    return { statistic, pValue: p >= 0 && p <= 1 ? p : Number.NaN };
  }
  return { statistic, pValue: latticeExitProbability(n1, n2, h) };
}

/**
 * P(D_{n,n} ≥ h/n) = 2·A₀(1 − A₁(1 − A₂(1 − …))) with A_k = Π_{j<h} (n − kh − j)/(n + kh + j + 1),
 * i.e. the reflection series of C(2n, n − kh)/C(2n, n) (Hodges 1958) without cancellation.
 */
function equalSizeExitProbability(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}
