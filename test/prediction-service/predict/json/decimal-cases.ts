/**
 * Number texts for checking a JSON number reader against Number(), which rounds correctly.
 * Everything here is derived from exact integer arithmetic (BigInt), not from the reader.
 */

import { createRng } from '../../../../core/src/random/prng.js';

const view = new DataView(new ArrayBuffer(8));

/** The next double above a positive finite x. */
export function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** A seeded generator, so failures reproduce. */
export const seeded = (seed: number) => createRng(seed).next;

/** x = mantissa · 2^exponent exactly, mantissa a 53-bit integer (x positive, normal). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  return { mantissa: (bits & ((1n << 52n) - 1n)) | (1n << 52n), exponent: biased - 1075 };
}

/**
 * The midpoint between x and the next double up, rounded down and up to `digits` significant
 * decimal digits: the hardest inputs for correct rounding (Number() of each must give the
 * double on its own side of the midpoint).
 */
export function nearMidpoint(x: number, digits = 17): [string, string] {
  const { mantissa, exponent } = decompose(x);
  // midpoint = (2m + 1) · 2^(e − 1) = numerator / denominator
  let numerator = 2n * mantissa + 1n;
  let denominator = 1n;
  if (exponent - 1 >= 0) numerator <<= BigInt(exponent - 1);
  else denominator <<= BigInt(1 - exponent);
  // Scale by 10^s until the integer part has exactly `digits` digits.
  const scaled = (k: number): [bigint, bigint] =>
    k >= 0
      ? [numerator * 10n ** BigInt(k), denominator]
      : [numerator, denominator * 10n ** BigInt(-k)];
  const integerDigits = (k: number) => {
    const [n, d] = scaled(k);
    return (n / d).toString().length;
  };
  let s = digits - 1 - Math.floor(Math.log10(x));
  while (integerDigits(s) > digits) s--;
  while (integerDigits(s) < digits) s++;
  const [n, d] = scaled(s);
  const floor = n / d;
  const ceil = n % d === 0n ? floor : floor + 1n;
  return [`${floor}e${-s}`, `${ceil}e${-s}`];
}

/**
 * Decimals exactly halfway between two doubles that still have at most 17 digits: odd
 * 54-bit integers halved, i.e. `k.5` for 2^52 ≤ k < 2^53 (ties must go to the even double).
 */
export function exactTie(random: () => number): string {
  const k = 2n ** 52n + BigInt(Math.floor(random() * 2 ** 52));
  return `${k}.5`;
}
