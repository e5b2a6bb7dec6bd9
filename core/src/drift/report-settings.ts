/**
 * What decided a report, recorded beside it: the thresholds, the tests and the PSI floor. The
 * drift CLI and the service add it to the JSON report as the top-level `settings` field; every
 * other report field stays as computed.
 */
import { PSI_SHARE_FLOOR } from '../stats/psi-shares.js';
import type { DecisionThresholds } from './decision-rules.js';
import type { DriftReport } from './report-types.js';

export interface ReportSettings {
  /** Significance level of the KS and chi-square decisions. */
  alpha: number;
  /** Share of drifted features at or above which the dataset drifts. */
  driftShare: number;
  /** Whether feature p-values were adjusted with Benjamini–Hochberg before deciding. */
  benjaminiHochberg: boolean;
  tests: { numerical: 'ks'; categorical: 'chi-square' };
  /** Floor of the PSI bin shares on both sides. */
  psiFloor: number;
}

/** The settings a report was decided with. Pure. */
export function reportSettings(thresholds: DecisionThresholds): ReportSettings {
  return {
    alpha: thresholds.alpha,
    driftShare: thresholds.driftShare,
    benjaminiHochberg: thresholds.benjaminiHochberg,
    tests: { numerical: 'ks', categorical: 'chi-square' },
    psiFloor: PSI_SHARE_FLOOR,
  };
}

/** The report with its `settings` appended (a copy; the report itself is not changed). */
export function withSettings(
  report: DriftReport,
  thresholds: DecisionThresholds,
): DriftReport & { settings: ReportSettings } {
  return { ...report, settings: reportSettings(thresholds) };
}
