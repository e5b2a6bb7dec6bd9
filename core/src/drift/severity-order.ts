import type { DriftReport, FeatureDrift } from './report-types.js';

/**
 * The report's feature names, most severe first: drifted features before the others, then by
 * KS statistic D descending, then by KS p-value ascending, then by name (code-point order) so
 * that the order is total. The text and HTML reports list features in this order.
 *
 * O(F log F) for F features. Pure.
 */
export function featuresBySeverity(report: Pick<DriftReport, 'features'>): string[] {
  return Object.keys(report.features).sort((a, b) =>
    compareSeverity(a, report.features[a]!, b, report.features[b]!),
  );
}

function compareSeverity(aName: string, a: FeatureDrift, bName: string, b: FeatureDrift): number {
  if (a.drifted !== b.drifted) return a.drifted ? -1 : 1;
  if (a.ks.statistic !== b.ks.statistic) return b.ks.statistic - a.ks.statistic;
  if (a.ks.pValue !== b.ks.pValue) return a.ks.pValue - b.ks.pValue;
  return aName < bName ? -1 : aName > bName ? 1 : 0;
}
