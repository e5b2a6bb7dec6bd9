import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from '../../../core/src/stats/kolmogorov-distribution.js';
import { ksTwoSample, ksTwoSampleSorted } from '../../../core/src/stats/ks-two-sample.js';
import { expectPValueClose, ksFixture, worstDeviation } from './ks-fixture.js';

const { samples, cases } = ksFixture;
const STATISTIC_TOLERANCE = 1e-12;

function sortedCopy(name: string): Float64Array {
  return Float64Array.from(samples[name]!).sort();
}

describe('ksTwoSample against scipy.stats.ks_2samp', () => {
  it.each(cases.map((c) => [c.name, c.mode, c] as const))('%s (%s)', (_, __, c) => {
    const result = ksTwoSample(samples[c.reference]!, samples[c.current]!);
    expect(Math.abs(result.statistic - c.statistic)).toBeLessThanOrEqual(STATISTIC_TOLERANCE);
    expectPValueClose(result.pValue, c.pValue, c.name);
  });

  it('covers tiny p-values in both modes, p = 1, p = 0 and scipy’s exact-attempt fallback', () => {
    const tiny = (mode: string) =>
      cases.some((c) => c.mode === mode && c.pValue < 1e-30 && c.pValue > 0);
    expect(tiny('exact') && tiny('asymptotic')).toBe(true);
    expect(cases.some((c) => c.pValue === 1)).toBe(true);
    expect(cases.some((c) => c.pValue === 0)).toBe(true);
    const sizes = (c: (typeof cases)[number]) => [
      samples[c.reference]!.length,
      samples[c.current]!.length,
    ];
    expect(cases.some((c) => c.mode === 'asymptotic' && Math.max(...sizes(c)) <= 10_000)).toBe(
      true,
    );
  });

  it('stays far inside the promised tolerance (regression guard on the fixture as a whole)', () => {
    const pairs = cases.map(
      (c) => [ksTwoSample(samples[c.reference]!, samples[c.current]!).pValue, c.pValue] as const,
    );
    const worst = worstDeviation(pairs);
    expect(worst.absolute).toBeLessThan(1e-12);
    expect(worst.relative).toBeLessThan(1e-9);
  });
});

describe('ksTwoSampleSorted', () => {
  it.each(cases.filter((_, i) => i % 5 === 0).map((c) => [c.name, c] as const))(
    'gives ksTwoSample’s result on sorted input: %s',
    (_, c) => {
      const sorted = ksTwoSampleSorted(sortedCopy(c.reference), sortedCopy(c.current));
      expect(sorted).toEqual(ksTwoSample(samples[c.reference]!, samples[c.current]!));
    },
  );

  it('rejects a current sample that is not ascending or not finite', () => {
    const reference = Float64Array.of(1, 2, 3);
    const message = 'ksTwoSampleSorted requires sortedCurrent finite and ascending';
    for (const current of [
      Float64Array.of(2, 1),
      Float64Array.of(1, Number.NaN, 2),
      Float64Array.of(Number.NaN),
      Float64Array.of(Number.NEGATIVE_INFINITY, 1),
      Float64Array.of(1, Number.POSITIVE_INFINITY),
    ]) {
      expect(() => ksTwoSampleSorted(reference, current)).toThrow(new RangeError(message));
    }
  });

  it('rejects a reference whose ends are not finite', () => {
    const current = Float64Array.of(1, 2);
    expect(() => ksTwoSampleSorted(Float64Array.of(Number.NEGATIVE_INFINITY, 0), current)).toThrow(
      /finite values in sortedReference/,
    );
    expect(() => ksTwoSampleSorted(Float64Array.of(0, Number.NaN), current)).toThrow(RangeError);
  });

  it('rejects empty samples', () => {
    const one = Float64Array.of(1);
    expect(() => ksTwoSampleSorted(new Float64Array(0), one)).toThrow(
      new RangeError('ksTwoSampleSorted requires at least one value in each sample'),
    );
    expect(() => ksTwoSampleSorted(one, new Float64Array(0))).toThrow(RangeError);
  });
});

describe('ksTwoSample behaviour', () => {
  it('gives the same statistic and p-value when the samples are swapped', () => {
    for (const c of cases.filter((_, i) => i % 7 === 0)) {
      const forward = ksTwoSample(samples[c.reference]!, samples[c.current]!);
      const backward = ksTwoSample(samples[c.current]!, samples[c.reference]!);
      expect(backward.statistic, c.name).toBe(forward.statistic);
      expect(Math.abs(backward.pValue - forward.pValue), c.name).toBeLessThan(1e-14);
    }
  });

  it('returns D = 0 and p = 1 for identical samples, and D = 1 for disjoint ones', () => {
    expect(ksTwoSample([3, 1, 2, 2], [2, 3, 1, 2])).toEqual({ statistic: 0, pValue: 1 });
    expect(ksTwoSample([1, 2, 3], [4, 5, 6, 7]).statistic).toBe(1);
  });

  it('evaluates both ECDFs after all tied values', () => {
    // At x = 1: F_ref = 3/4 and F_cur = 1/4; a merge that stepped through the tied values one at a
    // time would see 3/4 − 0.
    expect(ksTwoSample([1, 1, 1, 2], [1, 2, 2, 2]).statistic).toBe(0.5);
  });

  it('falls back to kstwo where scipy’s exact equal-size series rounds above 1', () => {
    // n = m = 60 with D = 2/60: scipy's Horner series gives 1.0000000000000002 and it warns.
    const grid = Array.from({ length: 60 }, (_, i) => i);
    const result = ksTwoSample(
      grid,
      grid.map((v) => v + 1.5),
    );
    expect(result.statistic).toBe(2 / 60);
    expect(result.pValue).toBe(kolmogorovSf(2 / 60, 30));
    expect(result.pValue).toBeLessThan(1);
  });

  it('switches to kstwo.sf(D, round(n·m/(n + m))) above 10 000 values', () => {
    const c = cases.find((x) => x.name === '10000x10001 (asymptotic)')!;
    const result = ksTwoSample(samples[c.reference]!, samples[c.current]!);
    expect(result.pValue).toBe(kolmogorovSf(result.statistic, 5000));
  });

  it('accepts typed arrays and leaves the inputs unsorted', () => {
    const reference = Float64Array.of(3, 1, 2);
    const current = [0.5, 2.5];
    ksTwoSample(reference, current);
    expect(Array.from(reference)).toEqual([3, 1, 2]);
    expect(current).toEqual([0.5, 2.5]);
  });

  it('rejects empty samples', () => {
    const message = 'ksTwoSample requires at least one value in each sample';
    expect(() => ksTwoSample([], [1])).toThrow(new RangeError(message));
    expect(() => ksTwoSample([1], [])).toThrow(new RangeError(message));
  });

  it('rejects non-finite values, naming the sample and index', () => {
    expect(() => ksTwoSample([1, Number.NaN], [1])).toThrow(
      new RangeError('ksTwoSample requires finite values; reference[1] is NaN'),
    );
    expect(() => ksTwoSample([1], [0, 1, Number.NEGATIVE_INFINITY])).toThrow(
      new RangeError('ksTwoSample requires finite values; current[2] is -Infinity'),
    );
  });
});
