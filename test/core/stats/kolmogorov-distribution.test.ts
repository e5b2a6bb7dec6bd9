import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from '../../../core/src/stats/kolmogorov-distribution.js';
import { expectPValueClose, ksFixture, worstDeviation } from './ks-fixture.js';

const points = ksFixture.kolmogorov;
const sizes = [...new Set(points.map((p) => p.n))];

describe('kolmogorovSf against scipy.stats.kstwo.sf', () => {
  // Together the d grids reach every region of scipy's kolmogn: the Ruben–Gambino ends,
  // 2·smirnov, the Durbin matrix, Pomeranz (n ≤ 140), Pelz–Good (n > 140) and the underflowing tail.
  it.each(sizes)('n = %i', (n) => {
    for (const p of points.filter((q) => q.n === n)) {
      expectPValueClose(kolmogorovSf(p.d, n), p.sf, `kstwo.sf(${p.d}, ${n})`);
    }
  });

  it('includes tiny tails and both ends', () => {
    expect(points.some((p) => p.sf > 0 && p.sf < 1e-100)).toBe(true);
    expect(points.some((p) => p.sf === 1)).toBe(true);
    expect(points.some((p) => p.sf === 0)).toBe(true);
  });

  it('stays far inside the promised tolerance (regression guard on the grid as a whole)', () => {
    const worst = worstDeviation(points.map((p) => [kolmogorovSf(p.d, p.n), p.sf] as const));
    expect(worst.absolute).toBeLessThan(1e-12);
    expect(worst.relative).toBeLessThan(1e-9);
  });
});

describe('kolmogorovSf behaviour', () => {
  it('is 1 up to d = 1/(2n) and 0 from d = 1', () => {
    expect(kolmogorovSf(0, 10)).toBe(1);
    expect(kolmogorovSf(0.05, 10)).toBe(1);
    expect(kolmogorovSf(1, 10)).toBe(0);
    expect(kolmogorovSf(1.5, 10)).toBe(0);
  });

  it('decreases in d', () => {
    for (const n of [3, 50, 141, 952, 5000]) {
      let previous = 1;
      for (let d = 0.001; d < 1; d += 0.001) {
        const p = kolmogorovSf(d, n);
        expect(p, `n = ${n}, d = ${d}`).toBeLessThanOrEqual(previous + 1e-15);
        previous = p;
      }
    }
  });

  it('gives the exact single-observation law: P(D₁ ≥ d) = 2(1 − d) for d ≥ 1/2', () => {
    expect(kolmogorovSf(0.75, 1)).toBeCloseTo(0.5, 15);
  });

  it('rejects a non-integer or non-positive n and a NaN d', () => {
    expect(() => kolmogorovSf(0.1, 2.5)).toThrow(RangeError);
    expect(() => kolmogorovSf(0.1, 0)).toThrow(/positive integer n/);
    expect(() => kolmogorovSf(Number.NaN, 10)).toThrow(/NaN/);
  });
});
