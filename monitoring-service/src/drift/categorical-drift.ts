import { categoricalPsi } from '../stats/categorical-psi.js';
import { alignCategoryCounts } from '../stats/category-counts.js';
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js';
import { jensenShannonDistance } from '../stats/jensen-shannon.js';
import { DECISION_RULES, type DecisionThresholds } from './decision-rules.js';
import type { CategoricalDrift } from './report-types.js';

/**
 * Drift of one categorical column (prediction or target) between reference and current counts
 * (DESIGN §6): chi-square homogeneity test, Jensen–Shannon distance (base 2) and PSI over the
 * categories seen on either side, decided by the categorical rule. Null when either side has no
 * values, since there is then nothing to compare.
 *
 * O(K log K) for K categories.
 */
export function categoricalDrift(
  reference: ReadonlyMap<string, number> | null,
  current: ReadonlyMap<string, number> | null,
  thresholds: DecisionThresholds,
): CategoricalDrift | null {
  if (!reference || !current || total(reference) === 0 || total(current) === 0) return null;
  const aligned = alignCategoryCounts(reference, current);
  const chiSquare = chiSquareHomogeneity(aligned.reference, aligned.current);
  return {
    chiSquare,
    jensenShannon: jensenShannonDistance(aligned.reference, aligned.current),
    psi: categoricalPsi(aligned.reference, aligned.current),
    drifted: DECISION_RULES.categorical(chiSquare.pValue, thresholds),
  };
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}
