import { describe, expect, it } from 'vitest';
import { classificationMetrics } from '../../../core/src/stats/classification-metrics.js';
import { expectedClassificationScores } from '../../../core/src/stats/expected-classification.js';
import { expectedConfusion } from '../../../core/src/stats/expected-confusion.js';
import { expectQuality } from '../../monitoring-service/expect-quality.js';

// Four rows over labels a, b: two predicted a, two predicted b, with the truth's distribution.
const distributions = [
  [0.8, 0.2],
  [0.6, 0.4],
  [0.3, 0.7],
  [0.1, 0.9],
];
const predicted = [0, 0, 1, 1];

describe('expectedConfusion', () => {
  it('adds each row’s distribution to its prediction’s column', () => {
    const confusion = expectedConfusion(['a', 'b'], distributions, predicted);
    expect(confusion.matrix[0]![0]).toBeCloseTo(1.4, 12);
    expect(confusion.matrix[0]![1]).toBeCloseTo(0.4, 12);
    expect(confusion.matrix[1]![0]).toBeCloseTo(0.6, 12);
    expect(confusion.matrix[1]![1]).toBeCloseTo(1.6, 12);
    expect(confusion.predictedCounts).toEqual([2, 2]);
  });

  it('gives the chance that each label occurs among the truths', () => {
    const { truthPresence } = expectedConfusion(['a', 'b'], distributions, predicted);
    expect(truthPresence[0]).toBeCloseTo(1 - 0.2 * 0.4 * 0.7 * 0.9, 12);
    expect(truthPresence[1]).toBeCloseTo(1 - 0.8 * 0.6 * 0.3 * 0.1, 12);
    const certain = expectedConfusion(['a', 'b'], [[1, 0]], [1]).truthPresence;
    expect(certain).toEqual([1, 0]);
  });

  it('rejects misshapen rows and predictions', () => {
    expect(() => expectedConfusion(['a'], [[1]], [])).toThrow(/one prediction per/);
    expect(() => expectedConfusion(['a'], [[1]], [1])).toThrow(/indexes below 1/);
    expect(() => expectedConfusion(['a', 'b'], [[1]], [0])).toThrow(/one probability per label/);
  });
});

describe('expectedClassificationScores', () => {
  it('reads precision, recall and F1 off the expected counts', () => {
    const q = expectedClassificationScores(expectedConfusion(['a', 'b'], distributions, predicted));
    expect(q.accuracy).toBeCloseTo(0.75, 12);
    expect(q.perClass.a!.precision).toBeCloseTo(0.7, 12);
    expect(q.perClass.b!.precision).toBeCloseTo(0.8, 12);
    expect(q.perClass.a!.recall).toBeCloseTo(1.4 / 1.8, 12);
    expect(q.perClass.b!.recall).toBeCloseTo(1.6 / 2.2, 12);
    expect(q.perClass.a!.f1).toBeCloseTo(2.8 / 3.8, 12);
    expect(q.perClass.b!.f1).toBeCloseTo(3.2 / 4.2, 12);
    expect(q.perClass.a!.support).toBeCloseTo(1.8, 12);
    // Both labels are predicted, so the macro means are plain means.
    expect(q.macro.precision).toBeCloseTo(0.75, 12);
    expect(q.macro.f1).toBeCloseTo((2.8 / 3.8 + 3.2 / 4.2) / 2, 12);
    expect(q.weighted.f1).toBeCloseTo((1.8 * (2.8 / 3.8) + 2.2 * (3.2 / 4.2)) / 4, 12);
    const [pa, pb] = [1 - 0.2 * 0.4 * 0.7 * 0.9, 1 - 0.8 * 0.6 * 0.3 * 0.1];
    expect(q.balancedAccuracy).toBeCloseTo((pa * (1.4 / 1.8) + pb * (1.6 / 2.2)) / (pa + pb), 12);
  });

  it('equals classificationMetrics when every truth is certain', () => {
    const truth = ['a', 'b', 'b', 'c', 'a', 'c'];
    const guess = ['a', 'b', 'c', 'c', 'b', 'b'];
    const labels = ['a', 'b', 'c'];
    const oneHot = truth.map((t) => labels.map((label) => (label === t ? 1 : 0)));
    const confusion = expectedConfusion(
      labels,
      oneHot,
      guess.map((g) => labels.indexOf(g)),
    );
    expectQuality(expectedClassificationScores(confusion), classificationMetrics(truth, guess));
  });

  it('weights a label that is never predicted by its chance to occur as truth', () => {
    // Label c is predicted nowhere and is the truth of the single row with probability 0.5.
    const confusion = expectedConfusion(['a', 'c'], [[0.5, 0.5]], [0]);
    const q = expectedClassificationScores(confusion);
    expect(q.perClass.c!.recall).toBe(0);
    expect(q.macro.recall).toBeCloseTo((1 * 1 + 0.5 * 0) / 1.5, 12);
    expect(q.balancedAccuracy).toBeCloseTo((0.5 * 1 + 0.5 * 0) / 1, 12);
  });
});
