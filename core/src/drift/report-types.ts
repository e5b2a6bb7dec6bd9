/**
 * The drift report (docs/contracts.md, pinned): produced by the drift engine, printed by the drift CLI,
 * served by GET /v1/datasets/:dataset/report and published as Prometheus gauges. Numbers are plain
 * doubles.
 */
import type { ClassificationQuality } from '../stats/classification-types.js';
import type { Decision } from './drift-decision.js';

export type { Decision } from './drift-decision.js';
import type { EstimatedClassification } from './estimated-classification-types.js';

// The classification section's types live beside the function that computes them.
export type {
  AveragedScores,
  ClassificationQuality,
  ClassScores,
} from '../stats/classification-types.js';
export type { EstimateBand, EstimatedClassification } from './estimated-classification-types.js';

export interface DriftReport {
  rows: { reference: number; current: number };
  features: Record<string, FeatureDrift>;
  dataset: DatasetDrift;
  prediction: CategoricalDrift | null;
  target: CategoricalDrift | null;
  classification: ClassificationQuality | null;
  /**
   * Quality estimated from the current rows' calibrated probabilities, labels or not; null when
   * the reference or the current rows carry no probabilities.
   */
  estimatedClassification: EstimatedClassification | null;
}

export interface FeatureDrift {
  /**
   * Two-sample KS. `adjustedPValue` (Benjamini–Hochberg across the report's features) is present
   * only when the report was computed with that correction; the decision then uses it.
   */
  ks: { statistic: number; pValue: number; adjustedPValue?: number };
  psi: number;
  drifted: boolean;
  /**
   * What the decision weighed: its method, p-value and threshold on the KS statistic (always
   * set by the engine; absent in reports of earlier versions).
   */
  decision?: Decision;
}

export interface DatasetDrift {
  driftedFeatures: number;
  totalFeatures: number;
  share: number;
  drifted: boolean;
  /**
   * Features whose decision p-value is below α divided by the number of features: drift that
   * stands out even when every feature is looked at (Bonferroni).
   */
  stronglyDriftedFeatures?: number;
  /**
   * The features' family-wise decision p-value: the smallest decision p-value times the number
   * of features, at most 1 (Bonferroni). FeatureDriftHigh pages when it is below the alert level.
   */
  familyPValue?: number;
  /** Up to five drifted features, the smallest decision p-value first. */
  mostDriftedFeatures?: string[];
}

export interface CategoricalDrift {
  chiSquare: { statistic: number; dof: number; pValue: number };
  jensenShannon: number;
  psi: number;
  drifted: boolean;
  /** What the decision weighed: its method, p-value and threshold on the chi-square statistic. */
  decision?: Decision;
}
