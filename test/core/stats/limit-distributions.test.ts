import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, chiSquareSf } from '../../../core/src/stats/chi-square-quantile.js';
import { kolmogorovLimitIsf, kolmogorovLimitSf } from '../../../core/src/stats/kolmogorov-limit.js';

/** Known values from scipy.stats (kstwobign, chi2): see test/fixtures/stats/limit/generate.py. */
const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../fixtures/stats/limit/limit-distributions.json'),
    'utf8',
  ),
) as {
  sf: [number, number][];
  isf: [number, number][];
  chi2ppf: [number, number, number][];
  chi2sf: [number, number, number][];
};

describe('the Kolmogorov limit distribution', () => {
  it.each(fixture.sf)('sf(%d) agrees with kstwobign.sf', (x, expected) => {
    expect(Math.abs(kolmogorovLimitSf(x) - expected)).toBeLessThan(1e-12);
  });
  it.each(fixture.isf)('isf(%d) agrees with kstwobign.isf', (p, expected) => {
    expect(Math.abs(kolmogorovLimitIsf(p) - expected)).toBeLessThan(1e-9);
  });
  it('refuses a probability outside (0, 1)', () => {
    expect(() => kolmogorovLimitIsf(0)).toThrow('kolmogorovLimitIsf requires 0 < p < 1');
  });
});

describe('the chi-square distribution', () => {
  it.each(fixture.chi2ppf)('ppf(%d, %d) agrees with chi2.ppf', (q, dof, expected) => {
    expect(Math.abs(chiSquareQuantile(q, dof) - expected) / expected).toBeLessThan(1e-9);
  });
  it.each(fixture.chi2sf)('sf(%d, %d) agrees with chi2.sf', (x, dof, expected) => {
    expect(Math.abs(chiSquareSf(x, dof) - expected)).toBeLessThan(1e-12);
  });
  it('refuses a dof that is not a positive integer', () => {
    expect(() => chiSquareSf(1, 0)).toThrow('chiSquareSf requires a positive integer dof');
  });
});
