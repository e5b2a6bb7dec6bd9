import { describe, expect, it } from 'vitest';
import { linearQuantileSorted } from '../../../core/src/stats/linear-quantile-sorted.js';
import { readFixture } from '../../helpers/fixtures.js';

interface QuantileCase {
  sorted: number[];
  levels: number[];
  quantiles: number[];
}

const { cases } = readFixture<{ cases: QuantileCase[] }>('stats/quantile.json');

describe('linearQuantileSorted', () => {
  it('reproduces numpy.quantile (linear) exactly', () => {
    for (const { sorted, levels, quantiles } of cases) {
      levels.forEach((q, i) => {
        expect(linearQuantileSorted(sorted, q), `n=${sorted.length} q=${q}`).toBe(quantiles[i]);
      });
    }
  });

  it('returns the extremes at q = 0 and q = 1', () => {
    expect(linearQuantileSorted([1, 2, 9], 0)).toBe(1);
    expect(linearQuantileSorted([1, 2, 9], 1)).toBe(9);
  });

  it('rejects an empty sample and levels outside [0, 1]', () => {
    expect(() => linearQuantileSorted([], 0.5)).toThrow(/at least one value/);
    expect(() => linearQuantileSorted([1], 1.5)).toThrow(/0 ≤ q ≤ 1/);
    expect(() => linearQuantileSorted([1], Number.NaN)).toThrow(/0 ≤ q ≤ 1/);
  });
});
