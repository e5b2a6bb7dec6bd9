import { describe, expect, it } from 'vitest';
import { fitPsiBins, PSI_QUANTILE_LEVELS } from '../../../core/src/stats/psi-edges.js';
import { readFixture } from '../../helpers/fixtures.js';
import { expectAllClose } from '../../monitoring-service/expect-close.js';

interface PsiCase {
  name: string;
  reference: number[];
  edges: number[];
  proportions: number[];
}

const { cases } = readFixture<{ cases: PsiCase[] }>('stats/psi.json');

describe('fitPsiBins', () => {
  it.each(cases.map((c) => [c.name, c] as const))('matches numpy edges and shares: %s', (_, c) => {
    const bins = fitPsiBins(Float64Array.from(c.reference).sort());
    expect(Array.from(bins.edges)).toEqual(c.edges);
    expectAllClose(bins.proportions, c.proportions, 'proportions');
  });

  it('uses the levels 0.1 … 0.9', () => {
    expect(PSI_QUANTILE_LEVELS).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('keeps one edge and floors the empty lower bin for a constant reference', () => {
    const bins = fitPsiBins(new Float64Array(10).fill(2));
    expect(Array.from(bins.edges)).toEqual([2]);
    expect(Array.from(bins.proportions)).toEqual([1e-4, 1]);
  });

  it('rejects an empty reference and NaN', () => {
    expect(() => fitPsiBins(new Float64Array(0))).toThrow(/fitPsiBins requires at least one/);
    expect(() => fitPsiBins(Float64Array.of(1, Number.NaN).sort())).toThrow(/without NaN/);
  });
});
