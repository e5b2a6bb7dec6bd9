import { alignCategoryCounts } from '../../../core/src/stats/category-counts.js';
import { readFixture } from '../../helpers/fixtures.js';

/** One case of categorical.json (scipy chi2_contingency, jensenshannon, PSI over categories). */
export interface CategoricalCase {
  name: string;
  reference: Record<string, number>;
  current: Record<string, number>;
  categories: string[];
  chiSquare: { statistic: number; dof: number; pValue: number };
  jensenShannon: number;
  psi: number;
}

export const categoricalCases = readFixture<{ cases: CategoricalCase[] }>(
  'stats/categorical.json',
).cases;

/** The case's counts aligned over the categories seen on either side. */
export function alignedCounts(c: CategoricalCase) {
  return alignCategoryCounts(
    new Map(Object.entries(c.reference)),
    new Map(Object.entries(c.current)),
  );
}
