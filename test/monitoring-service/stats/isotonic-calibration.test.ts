import { describe, expect, it } from 'vitest';
import { calibrateProbabilities } from '../../../monitoring-service/src/stats/calibrate-probabilities.js';
import { fitIsotonicCalibration } from '../../../monitoring-service/src/stats/isotonic-calibration.js';

// Class a's probability rises with the row while a and b alternate as the truth; b mirrors it.
const rows = [0.2, 0.4, 0.6, 0.8].map((a) => ({ a, b: 1 - a }));
const truth = ['b', 'a', 'b', 'a'];

describe('fitIsotonicCalibration', () => {
  it('fits one monotone map per class, one class against the rest', () => {
    const calibration = fitIsotonicCalibration(['a', 'b'], rows, truth);
    expect(calibration.classes).toEqual(['a', 'b']);
    // Indicator of a by its probability: 0, 1, 0, 1 pools the middle pair to 0.5.
    expect([...calibration.fits[0]!.y]).toEqual([0, 0.5, 0.5, 1]);
    expect(calibration.fits[0]!.x[0]).toBeCloseTo(0.2, 15);
    // Indicator of b by its probability 0.2, 0.4, 0.6, 0.8: 0, 1, 0, 1 as well.
    expect([...calibration.fits[1]!.y]).toEqual([0, 0.5, 0.5, 1]);
  });

  it('counts truths outside the classes as a miss for every class', () => {
    const calibration = fitIsotonicCalibration(['a'], [{ a: 0.3 }, { a: 0.9 }], ['z', 'a']);
    expect([...calibration.fits[0]!.y]).toEqual([0, 1]);
  });

  it('rejects rows without a probability in [0, 1] and mismatched inputs', () => {
    expect(() => fitIsotonicCalibration(['a'], [{ b: 0.3 }], ['a'])).toThrow(/class "a" \(row 1\)/);
    expect(() => fitIsotonicCalibration(['a'], [{ a: 1.5 }], ['a'])).toThrow(/\[0, 1\]/);
    expect(() => fitIsotonicCalibration(['a'], [{ a: 0.5 }], [])).toThrow(/as many truths/);
    expect(() => fitIsotonicCalibration([], [], [])).toThrow(/at least one class/);
    expect(() => fitIsotonicCalibration(['a'], [], [])).toThrow(/at least one row/);
  });
});

describe('calibrateProbabilities', () => {
  const calibration = fitIsotonicCalibration(['a', 'b'], rows, truth);
  const calibrate = (row: Record<string, number>) => [...calibrateProbabilities(calibration, row)];

  it('maps each class through its fit and normalises the row', () => {
    expect(calibrate({ a: 0.5, b: 0.5 })).toEqual([0.5, 0.5]);
    // a: 0.3 lies halfway between 0.2 (0) and 0.4 (0.5); b: 0.7 between 0.6 (0.5) and 0.8 (1).
    const [a, b] = calibrate({ a: 0.3, b: 0.7 });
    expect(a).toBeCloseTo(0.25, 12);
    expect(b).toBeCloseTo(0.75, 12);
    // Below the fitted range a clips to 0, above it b clips to 1.
    expect(calibrate({ a: 0.1, b: 0.9 })).toEqual([0, 1]);
  });

  it('normalises calibrated values that do not sum to 1', () => {
    const [a, b] = calibrate({ a: 0.8, b: 0.8 });
    expect(a).toBeCloseTo(0.5, 12);
    expect(b).toBeCloseTo(0.5, 12);
  });

  it('treats a missing class as probability 0 and an all-zero row as uniform', () => {
    expect(calibrate({ b: 0.9 })).toEqual([0, 1]);
    expect(calibrate({ a: 0, b: 0 })).toEqual([0.5, 0.5]);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => calibrate({ a: -0.1, b: 1 })).toThrow(/in \[0, 1\]/);
    expect(() => calibrate({ a: Number.NaN, b: 1 })).toThrow(/in \[0, 1\]/);
  });
});
