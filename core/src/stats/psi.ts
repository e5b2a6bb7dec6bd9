import type { PsiBins } from './psi-edges.js';
import { countBelow, fitPsiBins } from './psi-edges.js';
import { flooredShares, psiFromShares } from './psi-shares.js';

/**
 * Numerical PSI of current values against reference bins fitted by `fitPsiBins` (docs/statistics.md):
 * a value v falls in the bin [e_i, e_{i+1}) with e_i ≤ v (as numpy's
 * `searchsorted(edges, v, side="right")`); current shares are floored at 1e-4.
 *
 * O(m log k) for m current values and k edges. Throws when current is empty or holds NaN.
 */
export function psiAgainstBins(bins: PsiBins, current: ArrayLike<number>): number {
  const m = current.length;
  if (m === 0) throw new Error('psiAgainstBins requires at least one current value');
  const { edges } = bins;
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < m; i++) {
    const value = current[i]!;
    if (Number.isNaN(value)) throw new Error('psiAgainstBins requires values without NaN');
    counts[countAtOrBelow(edges, value)]! += 1;
  }
  return psiFromShares(bins.proportions, flooredShares(counts, m));
}

/**
 * `psiAgainstBins` for current values already sorted ascending (NaN-free, not checked), such as
 * the copy the KS test sorts: each bin's count is the difference of two edge positions found by
 * binary search, so the cost no longer grows with a search per value. Counts, and so the
 * result, are identical to `psiAgainstBins` on the same values.
 *
 * O(k log m) for k edges and m current values. Throws when current is empty.
 */
export function psiAgainstSortedBins(bins: PsiBins, sortedCurrent: ArrayLike<number>): number {
  const m = sortedCurrent.length;
  if (m === 0) throw new Error('psiAgainstSortedBins requires at least one current value');
  const { edges } = bins;
  const counts = new Float64Array(edges.length + 1);
  // Bin j holds the values v with e_{j-1} ≤ v < e_j, i.e. the positions between lower bounds.
  let previous = 0;
  for (let j = 0; j < edges.length; j++) {
    const position = countBelow(sortedCurrent, edges[j]!, previous);
    counts[j] = position - previous;
    previous = position;
  }
  counts[edges.length] = m - previous;
  return psiFromShares(bins.proportions, flooredShares(counts, m));
}

/**
 * Numerical PSI of two samples: reference decile bins fitted and scored in one call. Use
 * `fitPsiBins` once and `psiAgainstBins` per window when the reference is reused.
 *
 * O((n + m) log n). Throws when either sample is empty or holds NaN.
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (reference.length === 0) throw new Error('psi requires at least one reference value');
  return psiAgainstBins(fitPsiBins(Float64Array.from(reference).sort()), current);
}

/** Number of ascending edges ≤ value, i.e. the index of value's bin. */
function countAtOrBelow(edges: Float64Array, value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
