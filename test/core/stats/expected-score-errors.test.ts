import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/src/random/prng.js';
import { classificationMetrics } from '../../../core/src/stats/classification-metrics.js';
import { expectedClassificationScores } from '../../../core/src/stats/expected-classification.js';
import { expectedConfusion } from '../../../core/src/stats/expected-confusion.js';
import { expectedScoreStandardErrors } from '../../../core/src/stats/expected-score-errors.js';
import type { QualityStandardErrors } from '../../../core/src/stats/expected-score-errors.js';
import { overallScores } from '../../../core/src/stats/classification-types.js';

function errorsOf(labels: string[], distributions: number[][], predicted: number[]) {
  const confusion = expectedConfusion(labels, distributions, predicted);
  const scores = expectedClassificationScores(confusion);
  return {
    scores,
    errors: expectedScoreStandardErrors(confusion, scores, distributions, predicted),
  };
}

describe('expectedScoreStandardErrors', () => {
  it('gives accuracy the Bernoulli standard error √(Σ p(1 − p)) / n', () => {
    const { errors } = errorsOf(
      ['a', 'b'],
      [
        [0.8, 0.2],
        [0.6, 0.4],
        [0.3, 0.7],
        [0.1, 0.9],
      ],
      [0, 0, 1, 1],
    );
    // Right with probability 0.8, 0.6, 0.7, 0.9: Σ p(1 − p) = 0.16 + 0.24 + 0.21 + 0.09 = 0.7.
    expect(errors.accuracy).toBeCloseTo(Math.sqrt(0.7) / 4, 12);
    // Macro precision over two predicted labels of two rows each: (1/2)·(1/2) per right row.
    expect(errors.precisionMacro).toBeCloseTo(Math.sqrt(0.0625 * 0.7), 12);
  });

  it('is zero when every truth is certain', () => {
    const { errors } = errorsOf(
      ['a', 'b'],
      [
        [1, 0],
        [0, 1],
        [0, 1],
      ],
      [0, 0, 1],
    );
    for (const value of Object.values(errors)) expect(value).toBe(0);
  });

  it('matches the spread of realized quality over simulated truths', () => {
    const rng = createRng(16);
    const labels = ['a', 'b', 'c'];
    const distributions = Array.from({ length: 300 }, () => {
      const weights = labels.map(() => rng.next() ** 3);
      const total = weights.reduce((sum, w) => sum + w, 0);
      return weights.map((w) => w / total);
    });
    const predicted = distributions.map((d) => d.indexOf(Math.max(...d)));
    const { scores, errors } = errorsOf(labels, distributions, predicted);
    const guesses = predicted.map((j) => labels[j]!);
    const draws = Array.from({ length: 1000 }, () => {
      const truth = distributions.map((d) => {
        const u = rng.next();
        let cumulative = 0;
        const k = d.findIndex((p) => {
          cumulative += p;
          return u < cumulative;
        });
        return labels[k === -1 ? labels.length - 1 : k]!;
      });
      return overallScores(classificationMetrics(truth, guesses));
    });
    const estimates = overallScores(scores);
    for (const name of Object.keys(errors) as (keyof QualityStandardErrors)[]) {
      const values = draws.map((d) => d[name]);
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
      // 1 000 draws pin the spread to about 2 %; the linearisation adds a little more.
      expect(errors[name] / sd, name).toBeGreaterThan(0.9);
      expect(errors[name] / sd, name).toBeLessThan(1.1);
      expect(Math.abs(mean - estimates[name]), name).toBeLessThan(0.01);
    }
  });
});
