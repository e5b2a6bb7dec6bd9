import { describe, expect, it } from 'vitest';
import { chiSquareHomogeneity } from '../../../core/src/stats/chi-square-homogeneity.js';
import { expectClose } from '../../monitoring-service/expect-close.js';
import { alignedCounts, categoricalCases } from './categorical-fixture.js';

describe('chiSquareHomogeneity', () => {
  it.each(categoricalCases.map((c) => [c.name, c] as const))(
    'matches scipy chi2_contingency(correction=False): %s',
    (_, c) => {
      const { reference, current } = alignedCounts(c);
      const result = chiSquareHomogeneity(reference, current);
      expect(result.dof).toBe(c.chiSquare.dof);
      expectClose(result.statistic, c.chiSquare.statistic, 'statistic');
      expectClose(result.pValue, c.chiSquare.pValue, 'pValue');
    },
  );

  it('agrees with scipy in relative terms on tiny p-values', () => {
    const c = categoricalCases.find((k) => k.chiSquare.pValue > 0 && k.chiSquare.pValue < 1e-100)!;
    const { reference, current } = alignedCounts(c);
    const { pValue } = chiSquareHomogeneity(reference, current);
    expect(Math.abs(pValue / c.chiSquare.pValue - 1)).toBeLessThan(1e-9);
  });

  it('skips categories absent on both sides', () => {
    expect(chiSquareHomogeneity([3, 0, 4], [5, 0, 1])).toEqual(
      chiSquareHomogeneity([3, 4], [5, 1]),
    );
  });

  it('returns statistic 0 and p = 1 for a single category', () => {
    expect(chiSquareHomogeneity([7], [2])).toEqual({ statistic: 0, dof: 0, pValue: 1 });
  });

  it('rejects an empty side, negative counts and unequal lengths', () => {
    expect(() => chiSquareHomogeneity([0, 0], [1, 2])).toThrow(/positive total on each side/);
    expect(() => chiSquareHomogeneity([-1, 2], [1, 2])).toThrow(/non-negative counts/);
    expect(() => chiSquareHomogeneity([1], [1, 2])).toThrow(/equal length/);
  });
});
