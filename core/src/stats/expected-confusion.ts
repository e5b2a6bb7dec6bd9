/** The confusion matrix a window is expected to have, given a class distribution per row. */
export interface ExpectedConfusion {
  /** Rows and columns of `matrix`. */
  labels: readonly string[];
  /** matrix[k][j]: expected number of rows whose truth is labels[k] and prediction labels[j]. */
  matrix: number[][];
  /** Rows predicted as each label (exact counts: the predictions are known). */
  predictedCounts: number[];
  /** Probability that each label is the truth of at least one row. */
  truthPresence: number[];
}

/**
 * The expected confusion matrix of rows whose predictions are known and whose truths are
 * independent draws from `distributions` (row i's truth is labels[k] with probability
 * distributions[i][k]): each row adds its distribution to the column of its prediction. Also
 * the probability 1 − Π_i (1 − p_ik) that label k occurs among the truths at all.
 *
 * O(n · L) for n rows and L labels. Throws when the inputs differ in length, a prediction
 * index is out of range or a distribution does not have one entry per label.
 */
export function expectedConfusion(
  labels: readonly string[],
  distributions: readonly ArrayLike<number>[],
  predicted: ArrayLike<number>,
): ExpectedConfusion {
  const size = labels.length;
  if (distributions.length !== predicted.length) {
    throw new Error('expectedConfusion requires one prediction per distribution');
  }
  const matrix = labels.map(() => new Array<number>(size).fill(0));
  const predictedCounts = new Array<number>(size).fill(0);
  const logAbsent = new Array<number>(size).fill(0);
  distributions.forEach((distribution, i) => {
    const j = predicted[i]!;
    if (!(Number.isInteger(j) && j >= 0 && j < size)) {
      throw new Error(`expectedConfusion requires prediction indexes below ${size}, got ${j}`);
    }
    if (distribution.length !== size) {
      throw new Error('expectedConfusion requires one probability per label in every row');
    }
    predictedCounts[j]! += 1;
    for (let k = 0; k < size; k++) {
      const p = distribution[k]!;
      matrix[k]![j]! += p;
      logAbsent[k]! += Math.log1p(-p);
    }
  });
  // 0 − x rather than −x: an absent label gets +0, not −0.
  const truthPresence = logAbsent.map((log) => 0 - Math.expm1(log));
  return { labels: [...labels], matrix, predictedCounts, truthPresence };
}
