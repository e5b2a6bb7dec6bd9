import { checkedTotal } from './checked-total.js';
import { flooredShares, psiFromShares } from './psi-shares.js';

/**
 * PSI over categories: Σ (c − r)·ln(c / r) with each side's category shares floored at 1e-4
 * and not renormalised (docs/statistics.md), given aligned category counts.
 *
 * O(k). Throws when the lengths differ, a count is negative or not finite, or a side sums to 0.
 */
export function categoricalPsi(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): number {
  if (referenceCounts.length !== currentCounts.length) {
    throw new Error('categoricalPsi requires count vectors of equal length');
  }
  return psiFromShares(
    flooredShares(referenceCounts, checkedTotal(referenceCounts, 'categoricalPsi')),
    flooredShares(currentCounts, checkedTotal(currentCounts, 'categoricalPsi')),
  );
}
