import { expect } from 'vitest';
import { readFixture } from '../../helpers/fixtures.js';

/** One scipy.stats.ks_2samp call recorded by test/fixtures/stats/ks/generate.py. */
export interface KsCase {
  name: string;
  reference: string;
  current: string;
  /** "asymptotic" when max(n, m) > 10 000 or scipy's exact attempt failed. */
  mode: 'exact' | 'asymptotic';
  statistic: number;
  pValue: number;
}

/** scipy.stats.kstwo.sf(d, n) and scipy.special.smirnov(n, d) at one grid point. */
export interface KolmogorovPoint {
  n: number;
  d: number;
  sf: number;
  smirnov: number;
}

export interface KsFixture {
  generatedWith: string;
  samples: Record<string, number[]>;
  cases: KsCase[];
  kolmogorov: KolmogorovPoint[];
}

export const ksFixture = readFixture<KsFixture>('stats/ks/ks-cases.json');

/** The accuracy promised for p-values: absolute everywhere, relative down to tiny tails. */
export const P_ABSOLUTE_TOLERANCE = 1e-5;
export const P_RELATIVE_TOLERANCE = 1e-6;
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * Asserts |Δp| ≤ 1e-5 and, where scipy's p is a normal double (subnormal results are rounding
 * noise in scipy too), |Δp| ≤ 1e-6·p.
 */
export function expectPValueClose(actual: number, expected: number, label: string): void {
  const error = Math.abs(actual - expected);
  const relativeOk = expected < SMALLEST_NORMAL || error <= P_RELATIVE_TOLERANCE * expected;
  expect(
    error <= P_ABSOLUTE_TOLERANCE && relativeOk,
    `${label}: got ${actual}, expected ${expected} (error ${error})`,
  ).toBe(true);
}

/** Largest absolute and relative (normal-range p only) deviation over pairs [actual, expected]. */
export function worstDeviation(pairs: readonly (readonly [number, number])[]) {
  let absolute = 0;
  let relative = 0;
  for (const [actual, expected] of pairs) {
    const error = Math.abs(actual - expected);
    absolute = Math.max(absolute, error);
    if (expected >= SMALLEST_NORMAL) relative = Math.max(relative, error / expected);
  }
  return { absolute, relative };
}
