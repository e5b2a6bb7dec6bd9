import { describe, expect, it } from 'vitest';
import { psi, psiAgainstBins, psiAgainstSortedBins } from '../../../core/src/stats/psi.js';
import { fitPsiBins } from '../../../core/src/stats/psi-edges.js';
import { readFixture } from '../../helpers/fixtures.js';
import { expectClose } from '../../monitoring-service/expect-close.js';

interface PsiCase {
  name: string;
  reference: number[];
  current: number[];
  psi: number;
}

const { cases } = readFixture<{ cases: PsiCase[] }>('stats/psi.json');

describe('psi', () => {
  it.each(cases.map((c) => [c.name, c] as const))('matches numpy: %s', (_, c) => {
    expectClose(psi(c.reference, c.current), c.psi, c.name);
  });

  it('does not reorder the caller’s reference', () => {
    const reference = [3, 1, 2];
    psi(reference, [1, 2]);
    expect(reference).toEqual([3, 1, 2]);
  });

  it('rejects empty samples', () => {
    expect(() => psi([], [1])).toThrow(/psi requires at least one reference value/);
    expect(() => psi([1], [])).toThrow(/psiAgainstBins requires at least one current value/);
  });
});

describe('psiAgainstBins', () => {
  it('scores many windows against bins fitted once, as psi does', () => {
    for (const c of cases) {
      const bins = fitPsiBins(Float64Array.from(c.reference).sort());
      expectClose(psiAgainstBins(bins, c.current), c.psi, c.name);
      expectClose(psiAgainstBins(bins, Float64Array.from(c.current)), c.psi, c.name);
    }
  });

  it('puts a value equal to an edge in the bin that starts there', () => {
    const bins = { edges: Float64Array.of(1, 2), proportions: Float64Array.of(0.25, 0.5, 0.25) };
    // All current mass in [2, +∞): the two lower bins are empty and floored.
    const expected =
      (1e-4 - 0.25) * Math.log(1e-4 / 0.25) +
      (1e-4 - 0.5) * Math.log(1e-4 / 0.5) +
      (1 - 0.25) * Math.log(1 / 0.25);
    expect(psiAgainstBins(bins, [2, 2, 3, 2])).toBeCloseTo(expected, 12);
  });

  it('rejects NaN in the current values', () => {
    const bins = fitPsiBins(Float64Array.of(1, 2, 3));
    expect(() => psiAgainstBins(bins, [1, Number.NaN])).toThrow(/without NaN/);
  });
});

describe('psiAgainstSortedBins', () => {
  it('matches numpy on the sorted current values of every case', () => {
    for (const c of cases) {
      const bins = fitPsiBins(Float64Array.from(c.reference).sort());
      expectClose(psiAgainstSortedBins(bins, Float64Array.from(c.current).sort()), c.psi, c.name);
    }
  });

  it('counts a value equal to an edge in the bin that starts there, as psiAgainstBins', () => {
    const bins = {
      edges: Float64Array.of(1, 2, 3),
      proportions: Float64Array.of(0.1, 0.2, 0.3, 0.4),
    };
    const sorted = [0, 1, 1, 2, 2, 2, 3, 5];
    expect(psiAgainstSortedBins(bins, sorted)).toBe(psiAgainstBins(bins, sorted));
    expect(psiAgainstSortedBins(bins, [2, 2, 2])).toBe(psiAgainstBins(bins, [2, 2, 2]));
    expect(psiAgainstSortedBins(bins, [-1])).toBe(psiAgainstBins(bins, [-1]));
  });

  it('rejects an empty window', () => {
    const bins = fitPsiBins(Float64Array.of(1, 2, 3));
    expect(() => psiAgainstSortedBins(bins, [])).toThrow(/at least one current value/);
  });
});
