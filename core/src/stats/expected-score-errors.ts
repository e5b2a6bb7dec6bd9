import type { ClassificationQuality, OverallScores } from './classification-types.js';
import { macroWeights } from './expected-classification.js';
import type { ExpectedConfusion } from './expected-confusion.js';

/** Standard errors of the overall quality metrics, named as the report's fields. */
export type QualityStandardErrors = OverallScores;

type Gradient = (k: number, j: number) => number;

/**
 * How far a window's realized quality may lie from its expected value by chance alone: the
 * standard error of each overall metric when every row's truth is an independent draw from its
 * distribution (a multinomial with one trial per row) and the predictions are fixed. Accuracy's
 * is exact, √(Σ p_i(1 − p_i))/n with p_i the probability that row i is right; the ratio metrics
 * are linearised around the expected confusion matrix (the delta method), with the label
 * weights of `expectedClassificationScores` held fixed. Clustered rows vary more than this.
 *
 * O(n · L) for n rows and L labels. `distributions` and `predicted` are the rows that built
 * `confusion`, `scores` its `expectedClassificationScores`.
 */
export function expectedScoreStandardErrors(
  confusion: ExpectedConfusion,
  scores: ClassificationQuality,
  distributions: readonly ArrayLike<number>[],
  predicted: ArrayLike<number>,
): QualityStandardErrors {
  const gradients = metricGradients(confusion, scores);
  const errors = {} as QualityStandardErrors;
  for (const [name, gradient] of Object.entries(gradients) as [
    keyof QualityStandardErrors,
    Gradient,
  ][]) {
    let variance = 0;
    distributions.forEach((distribution, i) => {
      const j = predicted[i]!;
      let mean = 0;
      let square = 0;
      for (let k = 0; k < distribution.length; k++) {
        const g = gradient(k, j);
        mean += distribution[k]! * g;
        square += distribution[k]! * g * g;
      }
      variance += Math.max(0, square - mean * mean);
    });
    errors[name] = Math.sqrt(variance);
  }
  return errors;
}

/**
 * ∂metric/∂matrix[k][j] for a row moving between cells of its prediction's column j. Terms that
 * are the same for every cell of a column (through the fixed predicted counts) are left out:
 * they do not change a row's variance.
 */
function metricGradients(
  confusion: ExpectedConfusion,
  scores: ClassificationQuality,
): Record<keyof QualityStandardErrors, Gradient> {
  const { labels, matrix, predictedCounts: predicted, truthPresence } = confusion;
  const perClass = labels.map((label) => scores.perClass[label]!);
  const support = perClass.map((s) => s.support);
  const diagonal = labels.map((_, k) => matrix[k]![k]!);
  const n = support.reduce((sum, s) => sum + s, 0);
  const macro = macroWeights(confusion);
  const macroSum = macro.reduce((sum, w) => sum + w, 0);
  const presenceSum = truthPresence.reduce((sum, w) => sum + w, 0);
  const same = (k: number, j: number) => (k === j ? 1 : 0);
  const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);
  const recall = (k: number, j: number) => ratio(same(k, j) - perClass[k]!.recall, support[k]!);
  const f1 = (k: number, j: number) =>
    ratio(2 * same(k, j) - perClass[k]!.f1, predicted[k]! + support[k]!);
  return {
    accuracy: (k, j) => same(k, j) / n,
    balancedAccuracy: (k, j) => ratio(truthPresence[k]! * recall(k, j), presenceSum),
    precisionMacro: (k, j) => ratio(macro[k]! * ratio(same(k, j), predicted[k]!), macroSum),
    recallMacro: (k, j) => ratio(macro[k]! * recall(k, j), macroSum),
    f1Macro: (k, j) => ratio(macro[k]! * f1(k, j), macroSum),
    f1Weighted: (k, j) => {
      // support·F1 = 2·T·S/(P + S): through S for every cell of row k, through T on the diagonal.
      const bottom = predicted[k]! + support[k]!;
      if (!(bottom > 0)) return 0;
      const viaSupport = (2 * diagonal[k]! * predicted[k]!) / (bottom * bottom);
      return (viaSupport + (same(k, j) * 2 * support[k]!) / bottom) / n;
    },
  };
}
