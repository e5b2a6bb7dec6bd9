import type { AveragedScores, ClassificationQuality, ClassScores } from './classification-types.js';
import { compareCodePoints } from './code-point-order.js';

/**
 * Classification quality with scikit-learn's semantics (`precision_recall_fscore_support`,
 * `accuracy_score`, `balanced_accuracy_score`, `confusion_matrix`): labels are the sorted union of
 * true and predicted labels (code-point order, as Python sorts strings); per-class precision,
 * recall and F1 with zero_division = 0; macro means over all labels; weighted means by true
 * support; balanced accuracy is the mean recall over the labels present in the truth (labels only
 * predicted are left out, as sklearn does); confusion matrix rows are the truth.
 *
 * O(n + k²) for n rows and k labels. Throws when the inputs are empty or differ in length.
 */
export function classificationMetrics(
  truth: readonly string[],
  predicted: readonly string[],
): ClassificationQuality {
  if (truth.length !== predicted.length) {
    throw new Error('classificationMetrics requires truth and predictions of equal length');
  }
  if (truth.length === 0) throw new Error('classificationMetrics requires at least one row');
  const labels = [...new Set([...truth, ...predicted])].sort(compareCodePoints);
  const matrix = confusionMatrix(labels, truth, predicted);
  const perClass: Record<string, ClassScores> = {};
  const scores: ClassScores[] = labels.map((label, i) => {
    const score = classScores(matrix, i);
    perClass[label] = score;
    return score;
  });
  let correct = 0;
  for (let i = 0; i < labels.length; i++) correct += matrix[i]![i]!;
  const present = scores.filter((s) => s.support > 0);
  return {
    accuracy: correct / truth.length,
    balancedAccuracy: mean(present.map((s) => s.recall)),
    macro: averaged(scores, () => 1),
    weighted: averaged(scores, (s) => s.support),
    perClass,
    labels,
    confusionMatrix: matrix,
  };
}

function confusionMatrix(
  labels: readonly string[],
  truth: readonly string[],
  predicted: readonly string[],
): number[][] {
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let r = 0; r < truth.length; r++) {
    matrix[index.get(truth[r]!)!]![index.get(predicted[r]!)!]! += 1;
  }
  return matrix;
}

function classScores(matrix: readonly number[][], i: number): ClassScores {
  const truePositives = matrix[i]![i]!;
  const support = matrix[i]!.reduce((sum, count) => sum + count, 0);
  const predictedCount = matrix.reduce((sum, row) => sum + row[i]!, 0);
  const precision = predictedCount > 0 ? truePositives / predictedCount : 0;
  const recall = support > 0 ? truePositives / support : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support };
}

function averaged(
  scores: readonly ClassScores[],
  weightOf: (score: ClassScores) => number,
): AveragedScores {
  let weightSum = 0;
  const sums = { precision: 0, recall: 0, f1: 0 };
  for (const score of scores) {
    const weight = weightOf(score);
    weightSum += weight;
    sums.precision += weight * score.precision;
    sums.recall += weight * score.recall;
    sums.f1 += weight * score.f1;
  }
  return {
    precision: sums.precision / weightSum,
    recall: sums.recall / weightSum,
    f1: sums.f1 / weightSum,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
