/** Classification quality, the `classification` section of the drift report (docs/contracts.md). */
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

/** The overall scores of a classification quality, flat (what quality series and bands are per). */
export interface OverallScores {
  accuracy: number;
  balancedAccuracy: number;
  precisionMacro: number;
  recallMacro: number;
  f1Macro: number;
  f1Weighted: number;
}

export function overallScores(q: ClassificationQuality): OverallScores {
  return {
    accuracy: q.accuracy,
    balancedAccuracy: q.balancedAccuracy,
    precisionMacro: q.macro.precision,
    recallMacro: q.macro.recall,
    f1Macro: q.macro.f1,
    f1Weighted: q.weighted.f1,
  };
}
