import { categoricalPsi } from '../stats/categorical-psi.js';
import { alignCategoryCounts } from '../stats/category-counts.js';
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js';
import { jensenShannonDistance } from '../stats/jensen-shannon.js';
import { DECISION_RULES, type DecisionThresholds } from './decision-rules.js';
import { chiSquareDecision } from './drift-decision.js';
import type { CategoricalDrift } from './report-types.js';

/**
 * Drift of one categorical column (prediction or target) between reference and current counts:
 * chi-square homogeneity test, Jensen–Shannon distance (base 2) and PSI over the categories
 * seen on either side, decided by the categorical rule on the chi-square statistic deflated by
 * `inflation` (how much clustering inflates it for this window, from a calibration; none when
 * undefined). Null when either side has no values, since there is then nothing to compare.
 *
 * O(K log K) for K categories.
 */
export function categoricalDrift(
  reference: ReadonlyMap<string, number> | null,
  current: ReadonlyMap<string, number> | null,
  thresholds: DecisionThresholds,
  inflation?: number,
): CategoricalDrift | null {
  if (!reference || !current || total(reference) === 0 || total(current) === 0) return null;
  const aligned = alignCategoryCounts(reference, current);
  const chiSquare = chiSquareHomogeneity(aligned.reference, aligned.current);
  const decision = chiSquareDecision(chiSquare, inflation, thresholds.alpha);
  return {
    chiSquare,
    jensenShannon: jensenShannonDistance(aligned.reference, aligned.current),
    psi: categoricalPsi(aligned.reference, aligned.current),
    drifted: DECISION_RULES.categorical(decision.pValue, thresholds),
    decision,
  };
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}
