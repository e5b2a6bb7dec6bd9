import { describe, expect, it } from 'vitest';
import { calibrateAroundPrediction } from '../../../core/src/stats/calibrate-around-prediction.js';
import type { ProbabilityCalibration } from '../../../core/src/stats/isotonic-calibration.js';
import { fitIsotonicCalibration } from '../../../core/src/stats/isotonic-calibration.js';

// Class a's probability rises with the row while a and b alternate as the truth; b mirrors it.
const rows = [0.2, 0.4, 0.6, 0.8].map((a) => ({ a, b: 1 - a }));
const truth = ['b', 'a', 'b', 'a'];
const predicted = ['b', 'b', 'a', 'a'];

describe('fitIsotonicCalibration', () => {
  const calibration = fitIsotonicCalibration(['a', 'b'], rows, truth, predicted);

  it('fits one monotone map per class, one class against the rest', () => {
    expect(calibration.classes).toEqual(['a', 'b']);
    // Indicator of a by its probability: 0, 1, 0, 1 pools the middle pair to 0.5.
    expect([...calibration.fits[0]!.y]).toEqual([0, 0.5, 0.5, 1]);
    expect(calibration.fits[0]!.x[0]).toBeCloseTo(0.2, 15);
    // Indicator of b by its probability 0.2, 0.4, 0.6, 0.8: 0, 1, 0, 1 as well.
    expect([...calibration.fits[1]!.y]).toEqual([0, 0.5, 0.5, 1]);
  });

  it('fits a top-label map per class over the rows predicted as that class', () => {
    // Predicted a at 0.6 (wrong) and 0.8 (right); predicted b at 0.8 (right) and 0.6 (wrong).
    for (const fit of calibration.predictedFits) {
      expect([...fit!.x].map((x) => Math.round(x * 10) / 10)).toEqual([0.6, 0.8]);
      expect([...fit!.y]).toEqual([0, 1]);
    }
  });

  it('has no top-label map for a class the rows never predict', () => {
    const fitted = fitIsotonicCalibration(['a', 'b'], rows, truth, ['a', 'a', 'a', 'a']);
    expect(fitted.predictedFits[1]).toBeNull();
  });

  it('counts truths outside the classes as a miss for every class', () => {
    const fitted = fitIsotonicCalibration(['a'], [{ a: 0.3 }, { a: 0.9 }], ['z', 'a'], ['a', 'a']);
    expect([...fitted.fits[0]!.y]).toEqual([0, 1]);
  });

  it('rejects rows without a probability in [0, 1] and mismatched inputs', () => {
    const fitOn = (probabilities: Record<string, number>[], labels: string[]) =>
      fitIsotonicCalibration(['a'], probabilities, labels, labels);
    expect(() => fitOn([{ b: 0.3 }], ['a'])).toThrow(/class "a" \(row 1\)/);
    expect(() => fitOn([{ a: 1.5 }], ['a'])).toThrow(/\[0, 1\]/);
    expect(() => fitOn([{ a: 0.5 }], [])).toThrow(/a truth and a prediction per/);
    expect(() => fitIsotonicCalibration([], [], [], [])).toThrow(/at least one class/);
    expect(() => fitOn([], [])).toThrow(/at least one row/);
  });
});

describe('calibrateAroundPrediction', () => {
  const calibration = fitIsotonicCalibration(['a', 'b'], rows, truth, predicted);
  const calibrate = (row: Record<string, number>, index: number, c = calibration) => [
    ...calibrateAroundPrediction(c, row, index),
  ];
  const identity = { x: Float64Array.of(0, 1), y: Float64Array.of(0, 1) };
  const asGiven: ProbabilityCalibration = {
    classes: ['a', 'b', 'c'],
    fits: [identity, identity, identity],
    predictedFits: [null, null, null],
  };

  it('gives the predicted class its top-label value and the other classes the rest', () => {
    // Top-label map of a: 0 at 0.6, 1 at 0.8, so 0.7 gives 0.5 and 0.65 gives 0.25.
    const [half, rest] = calibrate({ a: 0.7, b: 0.3 }, 0);
    expect(half).toBeCloseTo(0.5, 12);
    expect(rest).toBeCloseTo(0.5, 12);
    const [a, b] = calibrate({ a: 0.65, b: 0.35 }, 0);
    expect(a).toBeCloseTo(0.25, 12);
    expect(b).toBeCloseTo(0.75, 12);
    expect(calibrate({ a: 0.9, b: 0.1 }, 0)).toEqual([1, 0]);
  });

  it('shares the rest in proportion to the other classes’ calibrated values', () => {
    const [a, b, c] = calibrate({ a: 0.5, b: 0.3, c: 0.1 }, 0, asGiven);
    expect(a).toBe(0.5);
    expect(b).toBeCloseTo(0.375, 12);
    expect(c).toBeCloseTo(0.125, 12);
    const [kept, even, also] = calibrate({ a: 0.6, b: 0, c: 0 }, 0, asGiven);
    expect(kept).toBe(0.6);
    expect(even).toBeCloseTo(0.2, 12);
    expect(also).toBeCloseTo(0.2, 12);
  });

  it('normalises the whole row when the prediction is not a calibrated class', () => {
    // One-against-the-rest maps: a at 0.3 gives 0.25, b at 0.7 gives 0.75.
    const [a, b] = calibrate({ a: 0.3, b: 0.7 }, -1);
    expect(a).toBeCloseTo(0.25, 12);
    expect(b).toBeCloseTo(0.75, 12);
  });

  it('falls back to the one-against-the-rest map for a class never predicted', () => {
    const fitted = fitIsotonicCalibration(['a', 'b'], rows, truth, ['a', 'a', 'a', 'a']);
    // b at 0.7 on its one-against-the-rest map: halfway between 0.5 and 1.
    expect(calibrate({ a: 0.3, b: 0.7 }, 1, fitted)[1]).toBeCloseTo(0.75, 12);
  });

  it('rejects probabilities outside [0, 1] and bad class indexes', () => {
    expect(() => calibrate({ a: -0.1, b: 1 }, 0)).toThrow(/in \[0, 1\]/);
    expect(() => calibrate({ a: Number.NaN, b: 1 }, 0)).toThrow(/in \[0, 1\]/);
    expect(() => calibrate({ a: 0.5, b: 0.5 }, 2)).toThrow(/class index/);
  });
});
