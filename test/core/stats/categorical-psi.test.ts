import { describe, expect, it } from 'vitest';
import { categoricalPsi } from '../../../core/src/stats/categorical-psi.js';
import { expectClose } from '../../monitoring-service/expect-close.js';
import { alignedCounts, categoricalCases } from './categorical-fixture.js';

describe('categoricalPsi', () => {
  it.each(categoricalCases.map((c) => [c.name, c] as const))('matches numpy: %s', (_, c) => {
    const { reference, current } = alignedCounts(c);
    expectClose(categoricalPsi(reference, current), c.psi, c.name);
  });

  it('stays finite when a category is missing on one side', () => {
    expect(Number.isFinite(categoricalPsi([10, 0], [0, 10]))).toBe(true);
  });

  it('rejects an empty side', () => {
    expect(() => categoricalPsi([0, 0], [1, 1])).toThrow(
      /categoricalPsi requires a positive total/,
    );
  });
});
