/**
 * Every drift decision of the engine, in one place. Each method states its
 * comparison once; the report builder only looks rules up here.
 */
import type { ReportOptions } from './engine-api.js';

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_DRIFT_SHARE = 0.5;

/** Resolved thresholds a report is decided with. */
export interface DecisionThresholds {
  alpha: number;
  driftShare: number;
  benjaminiHochberg: boolean;
}

export const DECISION_RULES = {
  /**
   * A numerical feature drifts when its decision p-value (calibrated for the window's clustering
   * when the reference has groups; BH-adjusted when enabled) is below α.
   */
  feature: (pValue: number, t: DecisionThresholds) => pValue < t.alpha,
  /** A feature drifts strongly when its decision p-value is below α / F (Bonferroni). */
  featureStrong: (pValue: number, features: number, t: DecisionThresholds) =>
    pValue < t.alpha / features,
  /** The dataset drifts when the share of drifted features reaches the drift share. */
  dataset: (driftedShare: number, t: DecisionThresholds) => driftedShare >= t.driftShare,
  /** Prediction or target drifts when the decision's chi-square p-value is below α. */
  categorical: (chiSquarePValue: number, t: DecisionThresholds) => chiSquarePValue < t.alpha,
} as const;

/**
 * Fills in the defaults (α = 0.05, share 0.5, no BH) and checks the ranges.
 * Throws when α is not in (0, 1) or the drift share not in (0, 1].
 */
export function resolveThresholds(options: ReportOptions = {}): DecisionThresholds {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const driftShare = options.driftShare ?? DEFAULT_DRIFT_SHARE;
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(`computeDriftReport requires 0 < alpha < 1, got ${alpha}`);
  }
  if (!(driftShare > 0 && driftShare <= 1)) {
    throw new RangeError(`computeDriftReport requires 0 < driftShare ≤ 1, got ${driftShare}`);
  }
  return { alpha, driftShare, benjaminiHochberg: options.benjaminiHochberg ?? false };
}
