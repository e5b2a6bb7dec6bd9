import { checkedTotal } from './checked-total.js';
/**
 * Jensen–Shannon distance, base 2, between two distributions given as aligned non-negative
 * weights (counts or shares; each side is normalised to sum 1): as
 * `scipy.spatial.distance.jensenshannon(p, q, base=2)`. 0 for identical distributions, 1 for
 * disjoint supports.
 *
 * O(k). Throws when the lengths differ, a weight is negative or not finite, or a side sums to 0.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) {
    throw new Error('jensenShannonDistance requires weight vectors of equal length');
  }
  const pTotal = checkedTotal(p, 'jensenShannonDistance');
  const qTotal = checkedTotal(q, 'jensenShannonDistance');
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / pTotal;
    const qi = q[i]! / qTotal;
    const mi = (pi + qi) / 2;
    divergence += relativeEntropyTerm(pi, mi) + relativeEntropyTerm(qi, mi);
  }
  // Rounding can leave a tiny negative sum for near-identical inputs; the distance is then 0.
  return Math.sqrt(Math.max(0, divergence / Math.LN2 / 2));
}

/** x·ln(x/y) with the convention 0·ln(0/y) = 0 (scipy.special.rel_entr for y > 0). */
function relativeEntropyTerm(x: number, y: number): number {
  return x > 0 ? x * Math.log(x / y) : 0;
}
