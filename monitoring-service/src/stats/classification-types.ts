/** Classification quality, the `classification` section of the drift report (DESIGN §4). */
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
