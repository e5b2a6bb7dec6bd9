import { linearQuantileSorted } from './linear-quantile-sorted.js';
import { PSI_SHARE_FLOOR } from './psi-shares.js';

/** Reference side of a numerical PSI, fitted once and scored against many current windows. */
export interface PsiBins {
  /** Unique reference deciles; bins are (−∞, e1), [e1, e2), …, [ek, +∞). */
  edges: Float64Array;
  /** Reference share per bin, floored at 1e-4, length edges.length + 1. */
  proportions: Float64Array;
}

/** The quantile levels 0.1, 0.2, …, 0.9 as the doubles nearest to i/10. */
export const PSI_QUANTILE_LEVELS: readonly number[] = Array.from(
  { length: 9 },
  (_, i) => (i + 1) / 10,
);

/**
 * Fits PSI bins to ascending reference values (docs/statistics.md): edges are the unique values of the
 * reference quantiles at 0.1 … 0.9 (`numpy.quantile`, linear), and each bin's reference share is
 * floored at 1e-4 without renormalising.
 *
 * O(log n) given ascending input (not checked). Throws when the reference is empty or ends in NaN
 * (where a Float64Array sorts NaN).
 */
export function fitPsiBins(sortedReference: ArrayLike<number>): PsiBins {
  const n = sortedReference.length;
  if (n === 0) throw new Error('fitPsiBins requires at least one reference value');
  if (Number.isNaN(sortedReference[n - 1]))
    throw new Error('fitPsiBins requires values without NaN');
  const deciles = PSI_QUANTILE_LEVELS.map((q) => linearQuantileSorted(sortedReference, q));
  const edges = Float64Array.from(new Set(deciles)).sort();
  const proportions = new Float64Array(edges.length + 1);
  let below = 0;
  for (let bin = 0; bin <= edges.length; bin++) {
    const upTo = bin < edges.length ? countBelow(sortedReference, edges[bin]!) : n;
    proportions[bin] = Math.max((upTo - below) / n, PSI_SHARE_FLOOR);
    below = upTo;
  }
  return { edges, proportions };
}

/**
 * Number of ascending values strictly below `limit` (binary search), given that the first
 * `from` are.
 */
export function countBelow(sorted: ArrayLike<number>, limit: number, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
