import { describe, expect, it } from 'vitest';
import { hashUniform } from '../../../core/src/random/hash-uniform.js';

describe('hashUniform', () => {
  it('repeats for the same keys and differs for others', () => {
    expect(hashUniform(3, 4, 1)).toBe(hashUniform(3, 4, 1));
    expect(hashUniform(3, 4, 1)).not.toBe(hashUniform(4, 3, 1));
    expect(hashUniform(3, 4, 1)).not.toBe(hashUniform(3, 4, 2));
  });

  it('spreads consecutive keys uniformly over [0, 1)', () => {
    const bins = new Array<number>(20).fill(0);
    const n = 20_000;
    for (let b = 0; b < 200; b++) {
      for (let g = 0; g < 100; g++) {
        const u = hashUniform(b, g, 1);
        expect(u >= 0 && u < 1).toBe(true);
        bins[Math.floor(u * 20)]!++;
      }
    }
    // Chi-square over 20 equal bins; 19 degrees of freedom, 0.999 quantile 43.8.
    const expected = n / 20;
    const statistic = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(statistic).toBeLessThan(43.8);
  });
});
