import { expect } from 'vitest';

/** Default agreement with the numpy/scipy/scikit-learn fixtures. */
export const TOLERANCE = 1e-9;

/**
 * Asserts |actual − expected| ≤ tolerance · max(1, |expected|): absolute for values up to 1
 * (shares, p-values, PSI), relative beyond (chi-square statistics in the thousands).
 */
export function expectClose(actual: number, expected: number, label = '', tolerance = TOLERANCE) {
  const bound = tolerance * Math.max(1, Math.abs(expected));
  const error = Math.abs(actual - expected);
  expect(error <= bound, `${label}: got ${actual}, expected ${expected} (error ${error})`).toBe(
    true,
  );
}

/** expectClose over two sequences of equal length. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  label = '',
  tolerance = TOLERANCE,
) {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i]!, expected[i]!, `${label}[${i}]`, tolerance);
  }
}
