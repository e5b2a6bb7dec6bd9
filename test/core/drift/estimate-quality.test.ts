import { describe, expect, it } from 'vitest';
import { estimateClassification } from '../../../core/src/drift/estimate-quality.js';
import type { ProbabilityCalibration } from '../../../core/src/stats/isotonic-calibration.js';
import { fitIsotonicCalibration } from '../../../core/src/stats/isotonic-calibration.js';

const identity = { x: Float64Array.of(0, 1), y: Float64Array.of(0, 1) };
/** A calibration that leaves probabilities as they are (up to normalising the row). */
const asGiven: ProbabilityCalibration = {
  classes: ['a', 'b'],
  fits: [identity, identity],
  predictedFits: [null, null],
};

const rows = [
  { a: 0.8, b: 0.2 },
  { a: 0.6, b: 0.4 },
  { a: 0.3, b: 0.7 },
  { a: 0.1, b: 0.9 },
];
const predicted = ['a', 'a', 'b', 'b'];

describe('estimateClassification', () => {
  it('expects the mean probability of the predicted class as accuracy, with its band', () => {
    const estimate = estimateClassification(asGiven, rows, predicted);
    expect(estimate.rows).toBe(4);
    expect(estimate.accuracy).toBeCloseTo(0.75, 12);
    const se = Math.sqrt(0.7) / 4;
    expect(estimate.band.confidence).toBe(0.95);
    expect(estimate.band.accuracy.standardError).toBeCloseTo(se, 12);
    expect(estimate.band.accuracy.lower).toBeCloseTo(0.75 - 1.959963984540054 * se, 12);
    expect(estimate.band.accuracy.upper).toBeCloseTo(Math.min(1, 0.75 + 1.96 * se), 2);
    expect(estimate.labels).toEqual(['a', 'b']);
    expect(estimate.confusionMatrix[0]![1]).toBeCloseTo(0.4, 12);
    expect(estimate.macro.precision).toBeCloseTo(0.75, 12);
  });

  it('applies the calibration before estimating', () => {
    // Rows predicted a at probability 0.9 are right half the time in this reference.
    const reference = [0.9, 0.9, 0.6, 0.6].map((a) => ({ a, b: 1 - a }));
    const calibration = fitIsotonicCalibration(
      ['a', 'b'],
      reference,
      ['a', 'b', 'b', 'b'],
      ['a', 'a', 'a', 'a'],
    );
    const estimate = estimateClassification(calibration, [{ a: 0.9, b: 0.1 }], ['a']);
    // Predicted a at 0.9: right once in two reference rows, so expected right half the time.
    expect(estimate.accuracy).toBeCloseTo(0.5, 12);
  });

  it('keeps predicted labels the calibration does not know, as columns nobody is in truth', () => {
    const estimate = estimateClassification(asGiven, [{ a: 0.5, b: 0.5 }], ['z']);
    expect(estimate.labels).toEqual(['a', 'b', 'z']);
    expect(estimate.accuracy).toBe(0);
    expect(estimate.perClass.z!.support).toBe(0);
  });

  it('clips the band to [0, 1]', () => {
    const estimate = estimateClassification(asGiven, [{ a: 0.99, b: 0.01 }], ['a']);
    expect(estimate.band.accuracy.upper).toBe(1);
    expect(estimate.band.accuracy.lower).toBeGreaterThanOrEqual(0);
  });

  it('rejects empty and mismatched windows', () => {
    expect(() => estimateClassification(asGiven, [], [])).toThrow(/at least one row/);
    expect(() => estimateClassification(asGiven, rows, ['a'])).toThrow(/one predicted label/);
  });
});
