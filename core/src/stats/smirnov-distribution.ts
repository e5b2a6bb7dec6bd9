/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D⁺ₙ: P(D⁺ₙ ≥ x)
 * for n observations, as `scipy.special.smirnov(n, x)`. Exact Smirnov (1944) / Birnbaum–Tingey
 * (1951) sum of positive terms
 *   x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v),
 * each term taken through logarithms so that nothing overflows, with the special cases of
 * van Mulbregt (2018) that scipy uses: x ≤ 1/n, x ≥ 1 − 1/n, an underflowing tail and, for
 * n > 10⁶, the approximation exp(−(6nx + 1)²/(18n)).
 *
 * O(n) terms at most (the sum stops once the rest cannot change it). Returns NaN for n < 1 or x
 * outside [0, 1].
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n >= 1 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor, fraction } = exactFloorOfProduct(n, x);
  if (floor === 0 || (floor === 1 && fraction === 0)) {
    return 1 - x * Math.exp((n - 1) * Math.log1p(x));
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (floor >= n - 1) return Math.exp(n * Math.log1p(-x));
  if (n > MAX_EXACT_N) return approximateSf(n, x);
  return Math.min(Math.max(x * lowerSum(n, x, floor, fraction), 0), 1);
}

/** Natural log of the smallest normal double (cephes' MINLOG): exp() of less underflows. */
const MIN_LOG = -708.3964185322641;
const MAX_EXACT_N = 1_000_000;

function approximateSf(n: number, x: number): number {
  const logP = -((6 * n * x + 1) ** 2) / 18 / n;
  return logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
}

/**
 * Σ_v C(n,v)(x + v/n)^(v−1)(1 − x − v/n)^(n−v) over v = 0 … n − ⌊nx⌋ − 1 (the v = ⌊n(1−x)⌋
 * term is zero when nx is an integer). x + v/n = (⌊nx⌋ + v + α)/n and
 * 1 − x − v/n = (n − ⌊nx⌋ − v − α)/n with α the exact fractional part of nx, so neither loses
 * digits to cancellation.
 */
function lowerSum(n: number, x: number, nxFloor: number, alpha: number): number {
  const terms = n - nxFloor;
  let sum = Math.exp(n * Math.log1p(-x)) / x;
  // log C(n, v) grows to ~n; summed plainly, its rounding would cost ~1e-8 relative at n = 10⁶.
  let logBinomial = 0;
  let logBinomialError = 0;
  for (let v = 1; v < terms; v++) {
    const step = Math.log((n - v + 1) / v);
    const next = logBinomial + step;
    logBinomialError += logBinomial - next + step;
    logBinomial = next;
    const low = (nxFloor + v + alpha) / n;
    const high = (n - nxFloor - v - alpha) / n;
    const logTerm = (v - 1) * Math.log(low) + (n - v) * Math.log(high);
    const term = Math.exp(logBinomial + logTerm + logBinomialError);
    sum += term;
    if (term !== 0) {
      if (4 * (terms - v) * term < Number.EPSILON * sum && v !== terms - 1) break;
    } else if (v > n >> 1) {
      break;
    }
  }
  return sum;
}

/** ⌊n·x⌋ and the fractional part of n·x, exact (Dekker's product), for x in (0, 1). */
function exactFloorOfProduct(n: number, x: number): { floor: number; fraction: number } {
  const product = n * x;
  const error = productError(n, x, product);
  let floor = Math.floor(product);
  let fraction = product - floor + error;
  if (fraction < 0) {
    floor -= 1;
    fraction += 1;
  } else if (fraction >= 1) {
    floor += 1;
    fraction -= 1;
  }
  return { floor, fraction };
}

/** a·b − p exactly, for p = fl(a·b) (Dekker 1971, Veltkamp splitting). */
function productError(a: number, b: number, p: number): number {
  const [aHigh, aLow] = split(a);
  const [bHigh, bLow] = split(b);
  return aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const high = c - (c - a);
  return [high, a - high];
}
