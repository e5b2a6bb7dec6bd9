import { describe, expect, it } from 'vitest';
import { binShares } from '../../../core/src/drift/bin-shares.js';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';

const table = (values: number[]) => ({ rowCount: values.length, features: { x: values } });

describe('binShares', () => {
  // Reference 1…10: numpy.quantile gives the deciles 1.9, 2.8, …, 9.1, one value per bin.
  const profile = fitReferenceProfile(table([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), ['x']);

  it('puts current values in the reference bins with the half-open PSI rule', () => {
    const { x } = binShares(profile, table([100, 0, 5, 2, 2]));
    expect(x!.edges).toHaveLength(9);
    expect(x!.reference).toEqual(Array(10).fill(0.1));
    expect(x!.current).toEqual([0.2, 0.4, 0, 0, 0.2, 0, 0, 0, 0, 0.2]);
  });

  it('counts a value equal to an edge in the bin that starts there', () => {
    const edge = profile.psi.x!.edges[3]!;
    const { x } = binShares(profile, table([edge, edge]));
    expect(x!.current[4]).toBe(1);
  });

  it('throws for an empty table or a missing feature', () => {
    expect(() => binShares(profile, table([]))).toThrow(/at least one current row/);
    expect(() => binShares(profile, { rowCount: 1, features: {} })).toThrow(/feature "x"/);
  });
});
