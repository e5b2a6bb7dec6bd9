import { kolmogorovSf } from './kolmogorov-distribution.js';
import { ksExactPValue } from './ks-exact-pvalue.js';
import { sortFiniteInto } from './ks-sorted-copy.js';
import { ksStatisticSorted } from './ks-statistic.js';

export interface KsResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov test of `reference` against `current`, agreeing with
 * `scipy.stats.ks_2samp(reference, current)` (method "auto"): D from right-continuous ECDFs with
 * ties as scipy handles them; when max(n₁, n₂) ≤ 10 000 the exact p-value (and D moved onto the
 * 1/lcm(n₁, n₂) lattice, as scipy reports it), otherwise — or when scipy's exact attempt fails —
 * `kstwo.sf(D, round(n₁n₂/(n₁ + n₂)))`. See `ksTwoSampleSorted`.
 *
 * Sorts copies into buffers it keeps for the next call (O(n₁ + n₂) typically, see
 * `sortedFiniteCopy`) and then costs what `ksTwoSampleSorted` does. Throws a RangeError when
 * either sample is empty or holds a non-finite value.
 */
export function ksTwoSample(reference: ArrayLike<number>, current: ArrayLike<number>): KsResult {
  if (reference.length === 0 || current.length === 0) {
    throw new RangeError('ksTwoSample requires at least one value in each sample');
  }
  if (referenceCopy.length !== reference.length) referenceCopy = new Float64Array(reference.length);
  if (currentCopy.length !== current.length) currentCopy = new Float64Array(current.length);
  sortFiniteInto(reference, referenceCopy, 'ksTwoSample', 'reference');
  sortFiniteInto(current, currentCopy, 'ksTwoSample', 'current');
  return fromStatistic(
    reference.length,
    current.length,
    ksStatisticSorted(referenceCopy, currentCopy),
  );
}

// Sorted copies, reused while the sample sizes stay the same (the monitoring loop's case).
let referenceCopy = new Float64Array(0);
let currentCopy = new Float64Array(0);

/**
 * `ksTwoSample` for samples already sorted ascending, such as a reference profile's values. The
 * statistic is a merge (O(n₁/32 + n₂), see `ksStatisticSorted`); the exact p-value sweeps the
 * band |i/n₁ − j/n₂| < D of half the lattice (O(D·n₁·n₂), see `latticeExitProbability`); the
 * asymptotic one is `kolmogorovSf` (O(1) to O(n) by region).
 *
 * Throws a RangeError when either sample is empty, when `sortedCurrent` is not ascending or not
 * finite, or when the ends of `sortedReference` are not finite; the order of the reference is
 * trusted, as checking it would cost O(n₁) on every call.
 */
export function ksTwoSampleSorted(
  sortedReference: Float64Array,
  sortedCurrent: Float64Array,
): KsResult {
  const n1 = sortedReference.length;
  const n2 = sortedCurrent.length;
  if (n1 === 0 || n2 === 0) {
    throw new RangeError('ksTwoSampleSorted requires at least one value in each sample');
  }
  if (!Number.isFinite(sortedReference[0]!) || !Number.isFinite(sortedReference[n1 - 1]!)) {
    throw new RangeError('ksTwoSampleSorted requires finite values in sortedReference');
  }
  const d = ksStatisticSorted(sortedReference, sortedCurrent);
  if (Number.isNaN(d)) {
    throw new RangeError('ksTwoSampleSorted requires sortedCurrent finite and ascending');
  }
  return fromStatistic(n1, n2, d);
}

/** scipy's MAX_AUTO_N: above it, method "auto" goes asymptotic. */
const MAX_EXACT_SIZE = 10_000;

/** The p-value of statistic d for sizes n1, n2 as ks_2samp's method "auto" computes it. */
function fromStatistic(n1: number, n2: number, d: number): KsResult {
  if (Math.max(n1, n2) <= MAX_EXACT_SIZE) {
    const exact = ksExactPValue(n1, n2, d);
    if (!Number.isNaN(exact.pValue)) return exact;
    return {
      statistic: exact.statistic,
      pValue: kolmogorovSf(exact.statistic, effectiveSize(n1, n2)),
    };
  }
  return { statistic: d, pValue: kolmogorovSf(d, effectiveSize(n1, n2)) };
}

/** round(n₁n₂/(n₁ + n₂)) with ties to even, on the double quotient as numpy's `np.round`. */
function effectiveSize(n1: number, n2: number): number {
  const en = (n1 * n2) / (n1 + n2);
  const below = Math.floor(en);
  const excess = en - below;
  if (excess !== 0.5) return excess < 0.5 ? below : below + 1;
  return below % 2 === 0 ? below : below + 1;
}
