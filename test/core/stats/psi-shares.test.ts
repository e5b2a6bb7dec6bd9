import { describe, expect, it } from 'vitest';
import {
  flooredShares,
  PSI_SHARE_FLOOR,
  psiFromShares,
} from '../../../core/src/stats/psi-shares.js';

describe('flooredShares', () => {
  it('floors empty entries at 1e-4 without renormalising', () => {
    expect(PSI_SHARE_FLOOR).toBe(1e-4);
    expect(Array.from(flooredShares([0, 3, 1], 4))).toEqual([1e-4, 0.75, 0.25]);
  });
});

describe('psiFromShares', () => {
  it('returns 0 for identical shares', () => {
    expect(psiFromShares([0.2, 0.8], [0.2, 0.8])).toBe(0);
  });

  it('sums (c − r)·ln(c / r) over the entries', () => {
    const expected = -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5);
    expect(psiFromShares([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(expected, 15);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => psiFromShares([1], [0.5, 0.5])).toThrow(/equal length/);
  });
});
