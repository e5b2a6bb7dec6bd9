import { describe, expect, it } from 'vitest';
import { poolAdjacentViolators } from '../../../core/src/stats/pool-adjacent-violators.js';
import { expectAllClose } from '../../monitoring-service/expect-close.js';
import { isotonicFixture } from './isotonic-fixture.js';

describe('poolAdjacentViolators', () => {
  it.each(isotonicFixture.pav.map((c) => [c.name, c] as const))(
    'matches scikit-learn isotonic_regression: %s',
    (_, c) => {
      expectAllClose(poolAdjacentViolators(c.y, c.w ?? undefined), c.expected, c.name, 1e-12);
    },
  );

  it('pools a violating pair into its weighted mean', () => {
    expect([...poolAdjacentViolators([3, 1], [1, 3])]).toEqual([1.5, 1.5]);
    expect([...poolAdjacentViolators([0, 2, 1, 3])]).toEqual([0, 1.5, 1.5, 3]);
  });

  it('returns an empty fit for no values', () => {
    expect(poolAdjacentViolators([]).length).toBe(0);
  });

  it('rejects bad weights and values', () => {
    expect(() => poolAdjacentViolators([1, 2], [1])).toThrow(/as many weights/);
    expect(() => poolAdjacentViolators([1, 2], [1, 0])).toThrow(/positive weights/);
    expect(() => poolAdjacentViolators([1, Number.NaN])).toThrow(/finite values/);
  });
});
