import { countBelow } from '../stats/psi-edges.js';
import type { DriftTable, ReferenceProfile } from './engine-api.js';

/** Reference and current shares of one feature over the reference's PSI bins. */
export interface BinShares {
  /** Bin edges e1 … ek: bins are (−∞, e1), [e1, e2), …, [ek, +∞). */
  edges: number[];
  /** The profile's reference shares (floored at the PSI floor, as PSI uses them). */
  reference: number[];
  /** Share of the current values in each bin, not floored; sums to 1. */
  current: number[];
}

/**
 * Per feature of the profile, the reference and current shares over the reference's PSI bins:
 * what a distribution overlay draws. Counts bins with the same half-open rule as PSI; the
 * report itself is not involved.
 *
 * O(F · m log m) for F features and m current rows. Throws when the current table lacks a
 * profile feature or has no rows.
 */
export function binShares(
  profile: ReferenceProfile,
  current: DriftTable,
): Record<string, BinShares> {
  if (current.rowCount === 0) throw new Error('binShares requires at least one current row');
  const shares: Record<string, BinShares> = {};
  for (const name of profile.featureNames) {
    const values = current.features[name];
    const bins = profile.psi[name];
    if (!values || !bins) throw new Error(`binShares requires the feature "${name}"`);
    const sorted = Float64Array.from(values).sort();
    const counts: number[] = [];
    let below = 0;
    for (let bin = 0; bin <= bins.edges.length; bin++) {
      const upTo =
        bin < bins.edges.length ? countBelow(sorted, bins.edges[bin]!, below) : sorted.length;
      counts.push(upTo - below);
      below = upTo;
    }
    shares[name] = {
      edges: Array.from(bins.edges),
      reference: Array.from(bins.proportions),
      current: counts.map((count) => count / sorted.length),
    };
  }
  return shares;
}
