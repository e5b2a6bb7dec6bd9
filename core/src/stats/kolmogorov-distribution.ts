import { durbinMatrixCdf } from './kolmogorov-durbin-matrix.js';
import { pelzGoodCdf } from './kolmogorov-pelz-good.js';
import { pomeranzCdf } from './kolmogorov-pomeranz.js';
import { smirnovSf } from './smirnov-distribution.js';

/**
 * Survival function P(Dₙ ≥ d) of the two-sided one-sample Kolmogorov–Smirnov statistic for n
 * observations, agreeing with `scipy.stats.kstwo.sf(d, n)` (scipy's `kolmogn(n, d, cdf=False)`).
 * Method per region as chosen by Simard & L'Ecuyer (2011) and scipy: Ruben–Gambino closed forms
 * for nd ≤ 1 and nd ≥ n − 1; 2·smirnov(n, d) (exact, since the two one-sided events cannot both
 * happen) for d ≥ 1/2; for n ≤ 140 the Durbin matrix (nd² ≤ 0.754693), Pomeranz (nd² ≤ 4) or
 * 2·smirnov; for n > 140, 0 when nd² ≥ 370, 2·smirnov when nd² ≥ 2.2, else one minus the Durbin
 * matrix (n ≤ 100 000 and nd^1.5 ≤ 1.4) or Pelz–Good CDF.
 *
 * Cost: O(1) for the closed forms, O(n) at most for smirnov, O(k³ log n) with k = ⌈nd⌉ for the
 * matrix, O(n·(nd)²) for Pomeranz (n ≤ 140). Returns 1 for d ≤ 1/(2n) and 0 for d ≥ 1. Throws a
 * RangeError when n is not a positive integer or d is NaN.
 */
export function kolmogorovSf(d: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`kolmogorovSf requires a positive integer n, got ${n}`);
  }
  if (Number.isNaN(d)) throw new RangeError('kolmogorovSf requires a number d, got NaN');
  if (d <= 0.5 / n) return 1;
  if (d >= 1) return 0;
  return Math.min(Math.max(survival(d, n), 0), 1);
}

function survival(x: number, n: number): number {
  const t = n * x;
  if (t <= 1) return 1 - rubenGambinoLowCdf(n, t);
  if (t >= n - 1) return 2 * (1 - x) ** n;
  if (x >= 0.5) return 2 * smirnovSf(n, x);
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return 1 - durbinMatrixCdf(n, x);
    if (nx2 <= 4) return 1 - pomeranzCdf(n, x);
    return 2 * smirnovSf(n, x);
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return 2 * smirnovSf(n, x);
  if (n <= 100_000 && n * x ** 1.5 <= 1.4) return 1 - memoisedDurbinCdf(n, x);
  return 1 - pelzGoodCdf(n, x);
}

/**
 * The Durbin matrix costs O(k³ log n) per call, and a monitoring service asks for the same few
 * (n, d) again and again: n is fixed by the window sizes and small two-sample statistics sit on a
 * lattice of multiples of 1/lcm(n₁, n₂). Results are exact functions of (n, d), so remembering
 * them changes no value. Bounded: the memo is emptied when it reaches MEMO_LIMIT entries.
 */
const MEMO_LIMIT = 4096;
const durbinMemo = new Map<string, number>();

function memoisedDurbinCdf(n: number, x: number): number {
  const key = `${n}:${x}`;
  const known = durbinMemo.get(key);
  if (known !== undefined) return known;
  const value = durbinMatrixCdf(n, x);
  if (durbinMemo.size >= MEMO_LIMIT) durbinMemo.clear();
  durbinMemo.set(key, value);
  return value;
}

/** P(Dₙ ≤ t/n) = n!/nⁿ · (2t − 1)ⁿ for 1/2 < t ≤ 1 (Ruben & Gambino 1982). */
function rubenGambinoLowCdf(n: number, t: number): number {
  if (n <= 140) {
    let product = 1;
    for (let i = 1; i <= n; i++) product *= i * (1 / n) * (2 * t - 1);
    return product;
  }
  return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
}

/** log(n!/nⁿ) by Stirling's series, with n·log n cancelled analytically. */
function logFactorialOverPower(n: number): number {
  const r = 1 / n;
  const r2 = r * r;
  let series = 0;
  for (let j = STIRLING.length - 1; j >= 0; j--) series = series * r2 + STIRLING[j]!;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + r * series;
}

/** B₂ⱼ / (2j(2j − 1)) for j = 1 … 8, from the Bernoulli numbers. */
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];
