import { describe, expect, it } from 'vitest';
import { binFeatures, float32Between } from '../../../reference-data/src/model/feature-bins.js';
import { createRng } from '../../../core/src/random/prng.js';
import { nextUp } from './float32-neighbours.js';

describe('float32Between', () => {
  it('returns a float32 midpoint when one exists between the values', () => {
    expect(float32Between(1, 2)).toBe(1.5);
    expect(float32Between(-3, -1)).toBe(-2);
    expect(float32Between(-1, 1)).toBe(0);
  });

  it('falls back to the lower value for adjacent float32 values', () => {
    const lo = Math.fround(0.1);
    const hi = nextUp(lo);
    expect(float32Between(lo, hi)).toBe(lo);
    expect(float32Between(0, nextUp(0))).toBe(0);
  });

  it('separates infinite and extreme values', () => {
    const max = Math.fround(3.4028234663852886e38);
    expect(float32Between(max, Number.POSITIVE_INFINITY)).toBe(max);
    expect(float32Between(Number.NEGATIVE_INFINITY, -max)).toBe(Number.NEGATIVE_INFINITY);
    expect(float32Between(-max, max)).toBe(0);
  });

  it('rejects values that are not strictly increasing', () => {
    expect(() => float32Between(2, 2)).toThrow(/float32Between requires lo < hi/);
    expect(() => float32Between(Number.NaN, 1)).toThrow(/float32Between requires lo < hi/);
  });
});

describe('binFeatures', () => {
  const rows = 500;
  const features = 3;
  const rng = createRng(5);
  const matrix = new Float32Array(rows * features);
  for (let r = 0; r < rows; r++) {
    matrix[r * features] = rng.next();
    matrix[r * features + 1] = rng.int(4) - 1.5;
    matrix[r * features + 2] = r % 7 === 0 ? Number.POSITIVE_INFINITY : -rng.next() * 1e30;
  }

  it('keeps one bin per distinct value up to maxBins, then cuts at quantiles', () => {
    const bins = binFeatures(matrix, rows, features, 32);
    expect(bins.binCount[0]).toBe(32);
    expect(bins.binCount[1]).toBe(4);
    const counts = new Array<number>(32).fill(0);
    for (let r = 0; r < rows; r++) counts[bins.codes[r]!]! += 1;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });

  it('places every training value on its bin’s side of each float32 threshold', () => {
    const bins = binFeatures(matrix, rows, features, 16);
    for (let f = 0; f < features; f++) {
      for (let b = 0; b + 1 < bins.binCount[f]!; b++) {
        const threshold = bins.thresholds[f * bins.maxBins + b]!;
        expect(Math.fround(threshold)).toBe(threshold);
        for (let r = 0; r < rows; r++) {
          const goesLeft = matrix[r * features + f]! <= threshold;
          expect(goesLeft).toBe(bins.codes[f * rows + r]! <= b);
        }
      }
    }
  });

  it('rejects NaN values and maxBins outside 2..256', () => {
    const withNaN = Float32Array.from([1, Number.NaN, 2, 3]);
    expect(() => binFeatures(withNaN, 2, 2, 8)).toThrow(/binFeatures requires no NaN values/);
    expect(() => binFeatures(matrix, rows, features, 257)).toThrow(/maxBins in 2..256/);
    expect(() => binFeatures(matrix, rows, features, 1)).toThrow(/maxBins in 2..256/);
  });
});
