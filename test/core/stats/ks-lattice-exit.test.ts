import { describe, expect, it } from 'vitest';
import { ksExactPValue } from '../../../core/src/stats/ks-exact-pvalue.js';
import { gcd, latticeExitProbability } from '../../../core/src/stats/ks-lattice-exit.js';

/** Share of all monotone paths (0,0) → (m,n) that leave |(n/g)i − (m/g)j| < h, by enumeration. */
function bruteForce(m: number, n: number, h: number): number {
  const g = gcd(m, n);
  const inside = (i: number, j: number) => Math.abs((n / g) * i - (m / g) * j) < h;
  let exits = 0;
  let total = 0;
  const walk = (i: number, j: number, exited: boolean): void => {
    const out = exited || !inside(i, j);
    if (i === m && j === n) {
      total++;
      if (out) exits++;
      return;
    }
    if (i < m) walk(i + 1, j, out);
    if (j < n) walk(i, j + 1, out);
  };
  walk(0, 0, false);
  return exits / total;
}

describe('latticeExitProbability', () => {
  it('counts the exiting paths exactly on small lattices', () => {
    for (const [m, n] of [
      [1, 1],
      [2, 3],
      [4, 6],
      [7, 5],
      [8, 4],
      [3, 9],
      [6, 6],
      [10, 7],
    ]) {
      const lcm = (m! / gcd(m!, n!)) * n!;
      for (let h = 1; h <= lcm; h++) {
        const exact = bruteForce(m!, n!, h);
        const got = latticeExitProbability(m!, n!, h);
        expect(Math.abs(got - exact), `${m}x${n}, h = ${h}`).toBeLessThan(1e-14);
      }
    }
  });

  it('agrees with the reflection series for equal sizes, an independent method', () => {
    for (const n of [2, 17, 100, 999]) {
      for (const h of [1, 2, 3, Math.ceil(n / 10), Math.ceil(n / 3), n - 1, n]) {
        const series = ksExactPValue(n, n, h / n).pValue;
        if (Number.isNaN(series)) continue; // the series rounded above 1
        const lattice = latticeExitProbability(n, n, h);
        expect(Math.abs(lattice - series), `n = ${n}, h = ${h}`).toBeLessThanOrEqual(
          1e-13 * Math.max(series, 1e-300) + 1e-300,
        );
      }
    }
  });

  it('is symmetric in the two sizes and 1 for an empty band', () => {
    expect(latticeExitProbability(5000, 1000, 150)).toBe(latticeExitProbability(1000, 5000, 150));
    expect(latticeExitProbability(30, 20, 0)).toBe(1);
  });

  it('keeps relative accuracy in the far tail: P(D = 1) = 2/C(m + n, n)', () => {
    // Only the two paths along the edges reach the corners (m, 0) or (0, n).
    const p = latticeExitProbability(60, 40, 120);
    const binomial = Array.from({ length: 40 }, (_, j) => (61 + j) / (1 + j)).reduce(
      (a, b) => a * b,
    );
    expect(Math.abs(p * binomial - 2)).toBeLessThan(1e-12);
  });

  it('reuses its buffers across sizes without carrying values over', () => {
    const first = latticeExitProbability(3000, 2000, 90);
    latticeExitProbability(7, 5, 3);
    latticeExitProbability(8000, 100, 4000);
    expect(latticeExitProbability(3000, 2000, 90)).toBe(first);
  });
});
