import { ldexp } from './kolmogorov-durbin-matrix.js';

/**
 * P(Dₙ < d) for the two-sided one-sample Kolmogorov–Smirnov statistic by Pomeranz's (1974)
 * recursion as presented by Simard & L'Ecuyer (2011, §2.2): with t = nd = ℓ + f and
 * g = min(f, 1 − f), the breakpoints 0, g, 1 − g, 1 + g, 2 − g, …, n split [0, n]; each row of
 * V is the previous row convolved with the Poisson-like weights (δ/n)^j / j! of the gap δ
 * (g, 1 − 2g or 2g) between breakpoints, restricted to the band ⌊A − t⌋ < j < ⌈A + t⌉, and
 * P = n! · V(2n + 2, n). Rows are rescaled by 2^128 when they would underflow. scipy's `kolmogn`
 * uses it for n ≤ 140 and 0.754693 < n·d² ≤ 4.
 *
 * O(n·ℓ²) time, O(ℓ) memory.
 */
export function pomeranzCdf(n: number, d: number): number {
  const t = n * d;
  const l = Math.floor(t);
  const f = t - l;
  const g = Math.min(f, 1 - f);
  const band = { n, l, ceilF: f > 0 ? 1 : 0, roundF: f > 0.5 ? 1 : 0 };
  const width = 2 * (l + 1);
  const gapWeights = [g / n, (2 * g) / n, (1 - 2 * g) / n].map((step) => powerSeries(step, width));
  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  current[0] = 1;
  let [start] = rowBounds(0, band);
  let exponent = 0;
  for (let row = 1; row <= 2 * n + 1; row++) {
    [previous, current] = [current, previous];
    const previousStart = start;
    const [low, high] = rowBounds(row, band);
    const weights = gapWeights[row === 1 || row === 2 * n + 1 ? 0 : row % 2 === 1 ? 1 : 2]!;
    current.fill(0);
    for (let j = low; j <= high; j++) {
      let sum = 0;
      const last = Math.min(j, previousStart + width - 1);
      for (let i = Math.max(previousStart, j - width + 1); i <= last; i++) {
        sum += previous[i - previousStart]! * weights[j - i]!;
      }
      current[j - low] = sum;
    }
    start = low;
    exponent += rescaleRow(current, high - low + 1);
  }
  let answer = current[n - start]!;
  for (let i = 1; i <= n; i++) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= i;
  }
  return ldexp(answer, exponent);
}

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

interface Band {
  n: number;
  l: number;
  ceilF: number;
  roundF: number;
}

/** [low, high] of the j with V(row, j) ≠ 0, for the breakpoint of 0-based row `row`. */
function rowBounds(row: number, { n, l, ceilF, roundF }: Band): [number, number] {
  let low: number;
  let high: number;
  const k = (row + 1) >> 1;
  if (row === 0) {
    [low, high] = [-l - ceilF + 1, l + ceilF - 1];
  } else if (row === 2 * n + 1) {
    [low, high] = [n - l - ceilF + 1, n + l + ceilF - 1];
  } else if (row % 2 === 1) {
    [low, high] = [k - l - roundF, k + l + ceilF - 2];
  } else {
    [low, high] = [k - l, k + l + roundF - 1];
  }
  return [Math.max(low, 0), Math.min(high, n)];
}

/** step^j / j! for j = 0 … size − 1. */
function powerSeries(step: number, size: number): Float64Array {
  const out = new Float64Array(size);
  out[0] = 1;
  for (let j = 1; j < size; j++) out[j] = (out[j - 1]! * step) / j;
  return out;
}

/** Multiplies the first `length` entries by 2^128 when all are below 2^−128; returns −128 or 0. */
function rescaleRow(row: Float64Array, length: number): number {
  let max = 0;
  for (let i = 0; i < length; i++) max = Math.max(max, row[i]!);
  if (!(max > 0 && max < SCALE_DOWN)) return 0;
  for (let i = 0; i < length; i++) row[i]! *= SCALE_UP;
  return -SCALE_EXPONENT;
}
