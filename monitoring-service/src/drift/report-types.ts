/**
 * The drift report (DESIGN §4, pinned): produced by the drift engine, printed by the drift CLI,
 * served by GET /v1/datasets/:dataset/report and published as Prometheus gauges. Numbers are plain
 * doubles.
 */
export interface DriftReport {
  rows: { reference: number; current: number };
  features: Record<string, FeatureDrift>;
  dataset: DatasetDrift;
  prediction: CategoricalDrift | null;
  target: CategoricalDrift | null;
  classification: ClassificationQuality | null;
}

export interface FeatureDrift {
  ks: { statistic: number; pValue: number };
  psi: number;
  drifted: boolean;
}

export interface DatasetDrift {
  driftedFeatures: number;
  totalFeatures: number;
  share: number;
  drifted: boolean;
}

export interface CategoricalDrift {
  chiSquare: { statistic: number; dof: number; pValue: number };
  jensenShannon: number;
  psi: number;
  drifted: boolean;
}

export interface AveragedScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassScores extends AveragedScores {
  support: number;
}

export interface ClassificationQuality {
  accuracy: number;
  balancedAccuracy: number;
  macro: AveragedScores;
  weighted: AveragedScores;
  perClass: Record<string, ClassScores>;
  /** Sorted union of true and predicted labels; rows and columns of the confusion matrix. */
  labels: string[];
  /** confusionMatrix[i][j] = count of rows whose truth is labels[i] and prediction labels[j]. */
  confusionMatrix: number[][];
}
