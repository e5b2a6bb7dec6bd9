/**
 * The drift engine's contract: a reference table is fitted once into a profile; reports are
 * computed from a profile and a current table by a pure function. The monitoring service and the
 * drift CLI both go through `fitReferenceProfile` and `computeDriftReport` (implemented in
 * `reference-profile.ts` and `compute-report.ts`).
 */
import type { ProbabilityCalibration, ProbabilityRow } from '../stats/isotonic-calibration.js';
import type { PsiBins } from '../stats/psi-edges.js';
import type { NullCalibration, NullSource } from './null-calibration.js';
import type { ClassificationQuality } from './report-types.js';

export type { PsiBins } from '../stats/psi-edges.js';

/** Rows in columns: the shape both the CLI's files and the service's windows are turned into. */
export interface DriftTable {
  rowCount: number;
  /** One array per numerical feature, each of length rowCount, all finite. */
  features: Readonly<Record<string, ArrayLike<number>>>;
  /** The model's predicted class per row, when the table has a prediction column. */
  prediction?: readonly string[];
  /** The true class per row, when the table has a target column; null where not (yet) known. */
  target?: readonly (string | null)[];
  /**
   * The group (person, session, device) of each row, when known; null where not. Rows of one
   * group are alike, which the drift decisions take into account.
   */
  groups?: readonly (string | null)[];
  /** The model's probability per class for each row, when known; null where a row has none. */
  probabilities?: readonly (ProbabilityRow | null)[];
}

export interface ReportOptions {
  /** Significance level for KS and chi-square decisions. Default 0.05. */
  alpha?: number;
  /** Share of drifted features at or above which the dataset drifts. Default 0.5. */
  driftShare?: number;
  /** Adjust KS p-values across features with Benjamini–Hochberg before deciding. Default false. */
  benjaminiHochberg?: boolean;
  /**
   * How much the statistics vary without drift for windows shaped like this one (from the
   * reference's groups). Without it, decisions count the rows as independent.
   */
  calibration?: NullCalibration;
  /** The same for the window the target drift is computed on, when that differs. */
  targetCalibration?: NullCalibration;
}

/** Everything a report needs from the reference, fitted once (docs/architecture.md). */
export interface ReferenceProfile {
  featureNames: readonly string[];
  rowCount: number;
  /** Ascending reference values per feature. */
  sorted: Readonly<Record<string, Float64Array>>;
  psi: Readonly<Record<string, PsiBins>>;
  /** Category counts of the reference prediction and target columns, when present. */
  predictionCounts: ReadonlyMap<string, number> | null;
  targetCounts: ReadonlyMap<string, number> | null;
  /** Classification quality of the reference rows having both target and prediction. */
  quality: ClassificationQuality | null;
  /** SHA-256 (hex) of the reference content: column names and values. */
  hash: string;
  /** The reference rows by group, for calibrating decisions; null without a group column. */
  nullSource: NullSource | null;
  /**
   * Probability calibration fitted on the reference rows with a label, a prediction and
   * probabilities (`fitReferenceCalibration`); null when there are none.
   */
  calibration: ProbabilityCalibration | null;
}
