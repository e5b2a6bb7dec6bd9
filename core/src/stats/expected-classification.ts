import type { AveragedScores, ClassificationQuality, ClassScores } from './classification-types.js';
import type { ExpectedConfusion } from './expected-confusion.js';

/**
 * Classification quality read off an expected confusion matrix, with the definitions of
 * `classificationMetrics` applied to expected counts (ratios of expectations): per-label
 * precision T/P, recall T/S and F1 2T/(P + S) for expected true positives T, predicted count P
 * and expected support S, 0 where the denominator is 0. scikit-learn averages over the labels
 * that occur, which in a window not yet labelled is uncertain, so each label is weighted by
 * the probability that it takes part: macro means weight a label by 1 when it is predicted and
 * otherwise by the probability that it occurs among the truths; balanced accuracy weights each
 * recall by that probability. Weighted means use the expected supports.
 *
 * O(L²) for L labels. Throws when the matrix holds no rows.
 */
export function expectedClassificationScores(confusion: ExpectedConfusion): ClassificationQuality {
  const { labels, matrix } = confusion;
  const scores = labels.map((_, k) => expectedClassScores(confusion, k));
  const total = scores.reduce((sum, s) => sum + s.support, 0);
  if (!(total > 0)) throw new Error('expectedClassificationScores requires at least one row');
  let correct = 0;
  labels.forEach((_, k) => {
    correct += matrix[k]![k]!;
  });
  const perClass: Record<string, ClassScores> = {};
  labels.forEach((label, k) => {
    perClass[label] = scores[k]!;
  });
  const recalls = scores.map((s) => ({ precision: s.recall, recall: s.recall, f1: s.recall }));
  return {
    accuracy: correct / total,
    balancedAccuracy: weightedMean(recalls, confusion.truthPresence).recall,
    macro: weightedMean(scores, macroWeights(confusion)),
    weighted: weightedMean(
      scores,
      scores.map((s) => s.support),
    ),
    perClass,
    labels: [...labels],
    confusionMatrix: matrix.map((row) => [...row]),
  };
}

/** Weight of each label in a macro mean: 1 when predicted, else its chance to occur as truth. */
export function macroWeights(confusion: ExpectedConfusion): number[] {
  return confusion.predictedCounts.map((count, k) => (count > 0 ? 1 : confusion.truthPresence[k]!));
}

function expectedClassScores(confusion: ExpectedConfusion, k: number): ClassScores {
  const row = confusion.matrix[k]!;
  const truePositives = row[k]!;
  const support = row.reduce((sum, value) => sum + value, 0);
  const predicted = confusion.predictedCounts[k]!;
  return {
    precision: predicted > 0 ? truePositives / predicted : 0,
    recall: support > 0 ? truePositives / support : 0,
    f1: predicted + support > 0 ? (2 * truePositives) / (predicted + support) : 0,
    support,
  };
}

function weightedMean(scores: readonly AveragedScores[], weights: readonly number[]) {
  let weightSum = 0;
  const sums = { precision: 0, recall: 0, f1: 0 };
  scores.forEach((score, k) => {
    const weight = weights[k]!;
    weightSum += weight;
    sums.precision += weight * score.precision;
    sums.recall += weight * score.recall;
    sums.f1 += weight * score.f1;
  });
  if (!(weightSum > 0)) return { precision: 0, recall: 0, f1: 0 };
  return {
    precision: sums.precision / weightSum,
    recall: sums.recall / weightSum,
    f1: sums.f1 / weightSum,
  };
}
