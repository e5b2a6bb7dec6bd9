import { describe, expect, it } from 'vitest';
import { alignCategoryCounts, countCategories } from '../../../core/src/stats/category-counts.js';
import { alignedCounts, categoricalCases } from './categorical-fixture.js';

describe('countCategories', () => {
  it('counts each distinct value', () => {
    expect(countCategories(['b', 'a', 'b', 'b'])).toEqual(
      new Map([
        ['b', 3],
        ['a', 1],
      ]),
    );
  });
});

describe('alignCategoryCounts', () => {
  it('keeps the categories with a count on either side, in Python’s sorted order', () => {
    for (const c of categoricalCases) expect(alignedCounts(c).categories).toEqual(c.categories);
  });

  it('fills categories missing on one side with 0', () => {
    const aligned = alignCategoryCounts(new Map([['a', 2]]), new Map([['b', 5]]));
    expect(aligned.categories).toEqual(['a', 'b']);
    expect(Array.from(aligned.reference)).toEqual([2, 0]);
    expect(Array.from(aligned.current)).toEqual([0, 5]);
  });

  it('rejects negative counts', () => {
    expect(() => alignCategoryCounts(new Map([['a', -1]]), new Map())).toThrow(
      /alignCategoryCounts requires finite non-negative counts/,
    );
  });
});
