/**
 * A uniform number in [0, 1) determined by integer keys: the keys are mixed by a 32-bit integer
 * hash (the "lowbias32" finaliser: xor-shifts and two odd multiplications, whose output bits
 * each flip with probability close to 1/2 when any input bit flips). For resampling that must be
 * random-like yet repeat exactly, without a generator's state. O(keys).
 */
export function hashUniform(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) h = mix((h ^ mix(key >>> 0)) >>> 0);
  return h / 4294967296;
}

function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
