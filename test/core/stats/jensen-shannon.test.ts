import { describe, expect, it } from 'vitest';
import { jensenShannonDistance } from '../../../core/src/stats/jensen-shannon.js';
import { expectClose } from '../../monitoring-service/expect-close.js';
import { alignedCounts, categoricalCases } from './categorical-fixture.js';

describe('jensenShannonDistance', () => {
  it.each(categoricalCases.map((c) => [c.name, c] as const))(
    'matches scipy jensenshannon(base=2): %s',
    (_, c) => {
      const { reference, current } = alignedCounts(c);
      expectClose(jensenShannonDistance(reference, current), c.jensenShannon, c.name);
    },
  );

  it('is 1 for disjoint supports and 0 for proportional counts', () => {
    expect(jensenShannonDistance([1, 0], [0, 3])).toBe(1);
    expect(jensenShannonDistance([1, 3], [2, 6])).toBe(0);
  });

  it('rejects an empty side and negative weights', () => {
    expect(() => jensenShannonDistance([0], [1])).toThrow(
      /jensenShannonDistance requires a positive/,
    );
    expect(() => jensenShannonDistance([1, -1], [1, 1])).toThrow(/non-negative/);
  });
});
