/**
 * P(Dₙ < d) for the two-sided one-sample Kolmogorov–Smirnov statistic by Durbin's (1968) matrix
 * formula in the form of Marsaglia, Tsang & Wang (2003): with k = ⌈nd⌉, h = k − nd and
 * m = 2k − 1, P = n!/nⁿ · (Hⁿ)_{k,k} for the m×m matrix H of their paper. Hⁿ is taken by
 * repeated squaring; powers of two are split off into a separate exponent so that nothing
 * overflows. The method scipy's `kolmogn` uses for small n·d² (Simard & L'Ecuyer 2011).
 *
 * O(m³ log n) time, O(m²) memory.
 */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  const { matrix, exponent } = matrixPower(durbinMatrix(m, k - nd), m, n);
  return scaleByFactorialOverPower(matrix[(k - 1) * m + (k - 1)]!, exponent, n);
}

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

/** Row-major m×m H: H[i][j] = 1/(i−j+1)! on and below the superdiagonal, corrected edges. */
function durbinMatrix(m: number, h: number): Float64Array {
  const inverseFactorial = new Float64Array(m + 1);
  inverseFactorial[0] = 1;
  for (let j = 1; j <= m; j++) inverseFactorial[j] = inverseFactorial[j - 1]! / j;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= Math.min(i + 1, m - 1); j++) H[i * m + j] = inverseFactorial[i - j + 1]!;
  }
  for (let i = 0; i < m; i++) {
    const edge = (1 - h ** (i + 1)) * inverseFactorial[i + 1]!;
    H[i * m] = edge; // first column
    H[(m - 1) * m + (m - 1 - i)] = edge; // last row, mirrored
  }
  const corner = 1 - 2 * h ** m + Math.max(0, 2 * h - 1) ** m;
  H[(m - 1) * m] = corner * inverseFactorial[m]!;
  return H;
}

/** Hⁿ as (matrix, exponent) with Hⁿ = matrix · 2^exponent. */
function matrixPower(H: Float64Array, m: number, n: number) {
  const centre = ((m - 1) >> 1) * (m + 1);
  let base = H;
  let baseExponent = 0;
  let result: Float64Array | null = null;
  let exponent = 0;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      result = result === null ? base.slice() : multiply(result, base, m);
      exponent += baseExponent + rescale(result, centre);
    }
    if (e > 1) {
      base = multiply(base, base, m);
      baseExponent = 2 * baseExponent + rescale(base, centre);
    }
  }
  return { matrix: result!, exponent };
}

/** Divides a by 2^128 when its centre exceeds 2^128; returns the exponent taken out. */
function rescale(a: Float64Array, centre: number): number {
  if (Math.abs(a[centre]!) <= SCALE_UP) return 0;
  for (let i = 0; i < a.length; i++) a[i]! *= SCALE_DOWN;
  return SCALE_EXPONENT;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l]!;
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += ail * b[l * m + j]!;
    }
  }
  return out;
}

/** value · 2^exponent · n!/nⁿ, rescaling by 2^±128 so that no intermediate underflows. */
function scaleByFactorialOverPower(value: number, exponent: number, n: number): number {
  let p = value;
  let e = exponent;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      e -= SCALE_EXPONENT;
    }
  }
  return ldexp(p, e);
}

/** x · 2^e without intermediate overflow or underflow of the power of two. */
export function ldexp(x: number, e: number): number {
  let result = x;
  let rest = e;
  while (rest > 1000) {
    result *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    result *= 2 ** -1000;
    rest += 1000;
  }
  return result * 2 ** rest;
}
