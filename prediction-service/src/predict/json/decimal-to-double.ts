/**
 * The double nearest to a decimal `digits × 10^exponent` (ties to even), as JSON.parse and
 * Number() give it, without building a string. Covers the decimals sensor windows consist of;
 * returns NaN for the rest so the caller can fall back to Number() on the text.
 *
 * Two exact paths:
 * - Clinger's fast path: at most 2^53 as an integer and |exponent| ≤ 22. Both operands are then
 *   exact doubles and IEEE-754 division or multiplication rounds the result correctly.
 * - Up to 17 significant digits with exponent −18…−1 (what JSON.stringify writes for most
 *   doubles between 0.01 and 10^16). 10^k = 5^k · 2^k, so the value is (digits / 5^k) · 2^−k and
 *   only the quotient needs rounding. A candidate quotient q is checked against the exact
 *   remainder digits − q·5^k, computed with error-free products (Dekker) in double-double
 *   arithmetic; q moves by one ulp until the remainder lies within half an ulp on each side.
 *   With 5^k < 2^42 every step of that check is exact (the bounds are in the tests).
 * Cost: O(1), a few dozen flops.
 */

const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_DIVISION_DIGITS = 18;
const POW5 = Array.from({ length: MAX_DIVISION_DIGITS + 1 }, (_, k) => 5 ** k);
const POW2_NEG = Array.from({ length: MAX_DIVISION_DIGITS + 1 }, (_, k) => 2 ** -k);
const TWO_53 = 2 ** 53;
const SPLITTER = 2 ** 27 + 1;

const POW5_HIGH = POW5.map((f) => splitHigh(f));
const POW5_LOW = POW5.map((f, k) => f - POW5_HIGH[k]!);

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;
/** ULP[e] = the spacing of doubles whose biased exponent is e (normal range). */
const ULP = Float64Array.from({ length: 2047 }, (_, e) => 2 ** (Math.max(e, 1) - 1075));

/** Veltkamp's split: the high 26 bits of x (the rest, x − high, is exact). */
function splitHigh(x: number): number {
  const t = SPLITTER * x;
  return t - (t - x);
}

/**
 * Rounds (dh + dl) / 5^k to the nearest double, ties to even: dh + dl is an integer in
 * (2^53, 10^17) with dh = fl(dh + dl), and k ≤ 18.
 */
function roundQuotient(dh: number, dl: number, k: number): number {
  const f = POW5[k]!;
  const fh = POW5_HIGH[k]!;
  const fl = POW5_LOW[k]!;
  let q = dh / f;
  for (;;) {
    // Dekker: p + e = q·f exactly.
    const p = q * f;
    const qh = splitHigh(q);
    const ql = q - qh;
    const e = qh * fh - p + qh * fl + ql * fh + ql * fl;
    // remainder = (dh − p) + (dl − e); both differences are exact.
    const a = dh - p;
    const b = dl - e;
    bits[0] = q;
    const high = words[HIGH]!;
    const odd = (words[LOW]! & 1) === 1;
    const ulp = ULP[high >>> 20]!;
    const above = a - (ulp / 2) * f + b;
    if (above > 0) {
      q += ulp;
      continue;
    }
    if (above === 0) return odd ? q + ulp : q;
    const powerOfTwo = (high & 0xfffff) === 0 && words[LOW] === 0;
    const gapBelow = powerOfTwo ? ulp / 2 : ulp;
    const below = a + (gapBelow / 2) * f + b;
    if (below < 0) {
      q -= gapBelow;
      continue;
    }
    if (below === 0) return odd ? q - gapBelow : q;
    return q;
  }
}

/**
 * `high · 10^lowDigits + low` times 10^exponent, rounded to the nearest double, or NaN when the
 * decimal is outside the exact paths. `high` holds the first ≤ 15 significant digits, `low` the
 * next `lowDigits` (0–2) of them; the sign is the caller's.
 */
export function decimalToDouble(
  high: number,
  low: number,
  lowDigits: number,
  exponent: number,
): number {
  let dh = high;
  let dl = 0;
  if (lowDigits > 0) {
    // high · 10^lowDigits < 10^17 is p + e exactly (Dekker); adding low is Knuth's two-sum.
    const scale = POW10[lowDigits]!;
    const p = high * scale;
    const hh = splitHigh(high);
    const hl = high - hh;
    const e = hh * scale - p + hl * scale;
    const small = e + low;
    dh = p + small;
    const back = dh - p;
    dl = p - (dh - back) + (small - back);
  }
  if (dl === 0 && dh <= TWO_53 && exponent >= -22 && exponent <= 22) {
    return exponent < 0 ? dh / POW10[-exponent]! : dh * POW10[exponent]!;
  }
  if (exponent < 0 && exponent >= -MAX_DIVISION_DIGITS) {
    return roundQuotient(dh, dl, -exponent) * POW2_NEG[-exponent]!;
  }
  return Number.NaN;
}
