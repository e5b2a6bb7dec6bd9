import { describe, expect, it } from 'vitest';
import { PROBABILITY_UNITS } from '../../../reference-data/src/model/forest-types.js';
import { apportionUnits, treeUnitBudget } from '../../../reference-data/src/model/leaf-units.js';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('treeUnitBudget', () => {
  it('splits the probability units over the trees exactly', () => {
    for (const trees of [1, 3, 100, 128, 1000]) {
      const budgets = Array.from({ length: trees }, (_, t) => treeUnitBudget(t, trees));
      expect(sum(budgets)).toBe(PROBABILITY_UNITS);
      expect(Math.max(...budgets) - Math.min(...budgets)).toBeLessThanOrEqual(1);
    }
    expect(treeUnitBudget(0, 3)).toBe(5592406);
    expect(treeUnitBudget(2, 3)).toBe(5592405);
  });

  it('rejects tree counts and indices out of range', () => {
    expect(() => treeUnitBudget(0, 0)).toThrow(/treeUnitBudget requires 1\.\./);
    expect(() => treeUnitBudget(5, 5)).toThrow(/tree index in 0..4/);
  });
});

describe('apportionUnits', () => {
  it('gives left-over units to the largest remainders, lower class first on ties', () => {
    expect(Array.from(apportionUnits([1, 1, 1], 10))).toEqual([4, 3, 3]);
    expect(Array.from(apportionUnits([1, 2, 0, 3], 10))).toEqual([2, 3, 0, 5]);
    expect(Array.from(apportionUnits([2, 0, 1], 2))).toEqual([1, 0, 1]);
  });

  it('sums to the budget and stays within one unit of the exact share', () => {
    const counts = [17, 0, 3, 250, 1, 1, 9];
    const total = sum(counts);
    const units = apportionUnits(counts, 10486);
    expect(sum(units)).toBe(10486);
    counts.forEach((count, c) => {
      expect(Math.abs(units[c]! - (10486 * count) / total)).toBeLessThan(1);
    });
    expect(units[1]).toBe(0);
  });

  it('rejects an all-zero or non-integer count vector', () => {
    expect(() => apportionUnits([0, 0], 10)).toThrow(/apportionUnits requires a positive total/);
    expect(() => apportionUnits([0.5, 1], 10)).toThrow(/non-negative integer counts/);
  });
});
