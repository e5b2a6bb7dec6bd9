/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna) seeded through splitmix32, all in
 * 32-bit integer arithmetic (Math.imul, >>>), so a seed gives the same sequence on every run and
 * platform. Gaussians come from the Box–Muller transform.
 */
export interface Rng {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform in [0, 1), 32-bit resolution. */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Gaussian with the given mean and standard deviation. */
  normal(mean?: number, sd?: number): number;
  /**
   * Moves on as `count` calls of `normal` would, without computing the Gaussians where it can
   * (whole Box–Muller pairs cost two integer draws): what follows is what those calls would have
   * left. O(count).
   */
  skipNormals(count: number): void;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws RangeError for an empty list. */
  pick<T>(items: readonly T[]): T;
}

const GOLDEN = 0x9e3779b9;

function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A generator for a 32-bit seed (any number; it is truncated to 32 bits). O(1) per draw.
 * Throws RangeError for a seed that is not a finite number.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng requires a finite seed, got ${seed}`);
  let state = seed | 0;
  const draw = (): number => {
    state = (state + GOLDEN) | 0;
    return mix32(state) | 0;
  };
  let s0 = draw();
  let s1 = draw();
  let s2 = draw();
  let s3 = draw();
  if ((s0 | s1 | s2 | s3) === 0) s0 = GOLDEN | 0;
  let spare: number | undefined;

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result >>> 0;
  }
  const next = (): number => nextUint32() / 4294967296;

  function normal(mean = 0, sd = 1): number {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return mean + sd * value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  }

  function skipNormals(count: number): void {
    let left = count;
    if (left > 0 && spare !== undefined) {
      spare = undefined;
      left--;
    }
    for (; left >= 2; left -= 2) {
      nextUint32();
      nextUint32();
    }
    // An odd one out draws its pair, whose second half the next call returns.
    if (left === 1) normal();
  }

  return {
    nextUint32,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal,
    skipNormals,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('Rng.pick requires a non-empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/**
 * A seed for an independent stream, derived from a parent seed and a path of keys (numbers or
 * strings), so that e.g. person 7's noise does not depend on how many numbers person 6 drew.
 * O(total key length).
 */
export function deriveSeed(seed: number, ...keys: readonly (number | string)[]): number {
  let h = mix32((seed | 0) ^ 0x5bd1e995);
  for (const key of keys) {
    if (typeof key === 'number') {
      h = mix32(h ^ mix32((key | 0) + GOLDEN));
      continue;
    }
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h = mix32(h ^ key.length);
  }
  return h;
}
