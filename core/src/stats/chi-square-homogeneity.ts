import gammainc from '@stdlib/math-base-special-gammainc';
import { checkedTotal } from './checked-total.js';

export interface ChiSquareResult {
  statistic: number;
  dof: number;
  pValue: number;
}

/**
 * Pearson chi-square test of homogeneity on the 2×K table whose rows are the reference and
 * current counts of K categories, without Yates' correction: as
 * `scipy.stats.chi2_contingency(table, correction=False)`. Categories with no count on either side
 * are left out; dof = K − 1, and with fewer than two categories the statistic is 0 and p = 1.
 * The tail chi2.sf(x, k) is the upper regularized incomplete gamma Q(k/2, x/2).
 *
 * O(K). Throws when the lengths differ, a count is negative or not finite, or a side sums to 0.
 */
export function chiSquareHomogeneity(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): ChiSquareResult {
  const k = referenceCounts.length;
  if (currentCounts.length !== k) {
    throw new Error('chiSquareHomogeneity requires count vectors of equal length');
  }
  const referenceTotal = checkedTotal(referenceCounts, 'chiSquareHomogeneity');
  const currentTotal = checkedTotal(currentCounts, 'chiSquareHomogeneity');
  const total = referenceTotal + currentTotal;
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < k; i++) {
    const observedReference = referenceCounts[i]!;
    const observedCurrent = currentCounts[i]!;
    const column = observedReference + observedCurrent;
    if (column === 0) continue;
    categories += 1;
    const expectedReference = (referenceTotal * column) / total;
    const expectedCurrent = (currentTotal * column) / total;
    statistic += (observedReference - expectedReference) ** 2 / expectedReference;
    statistic += (observedCurrent - expectedCurrent) ** 2 / expectedCurrent;
  }
  if (categories < 2) return { statistic: 0, dof: 0, pValue: 1 };
  const dof = categories - 1;
  return { statistic, dof, pValue: gammainc(statistic / 2, dof / 2, true, true) };
}
