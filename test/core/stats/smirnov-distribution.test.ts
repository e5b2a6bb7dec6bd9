import { describe, expect, it } from 'vitest';
import { smirnovSf } from '../../../core/src/stats/smirnov-distribution.js';
import { expectPValueClose, ksFixture, worstDeviation } from './ks-fixture.js';

const points = ksFixture.kolmogorov;

describe('smirnovSf against scipy.special.smirnov', () => {
  it.each([...new Set(points.map((p) => p.n))])('n = %i', (n) => {
    for (const p of points.filter((q) => q.n === n)) {
      expectPValueClose(smirnovSf(n, p.d), p.smirnov, `smirnov(${n}, ${p.d})`);
    }
  });

  it('stays far inside the promised tolerance (regression guard on the grid as a whole)', () => {
    const worst = worstDeviation(points.map((p) => [smirnovSf(p.n, p.d), p.smirnov] as const));
    expect(worst.absolute).toBeLessThan(1e-10);
    expect(worst.relative).toBeLessThan(1e-9);
  });
});

describe('smirnovSf behaviour', () => {
  it('has the closed forms at the ends: 1 − x for n = 1, (1 − x)ⁿ near x = 1', () => {
    expect(smirnovSf(1, 0.3)).toBe(0.7);
    expect(smirnovSf(10, 0.95)).toBeCloseTo(0.05 ** 10, 25);
    expect(smirnovSf(10, 0)).toBe(1);
    expect(smirnovSf(10, 1)).toBe(0);
  });

  it('returns NaN outside its domain', () => {
    expect(smirnovSf(0, 0.5)).toBeNaN();
    expect(smirnovSf(5, -0.1)).toBeNaN();
    expect(smirnovSf(5, 1.1)).toBeNaN();
  });
});
