/** A seeded pseudo-random generator: the only source of randomness in model training. */
export interface Prng {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number;
  /** Uniform number in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
}

/** splitmix32 step: spreads a small or sequential seed over all 32 bits. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Creates Chris Doty-Humphrey's sfc32 (Small Fast Counter) generator, seeded through splitmix32
 * so that neighbouring seeds give unrelated streams. Same seed, same sequence on every platform:
 * only 32-bit integer arithmetic is involved.
 * Reference: PractRand's sfc32. Cost: O(1) per draw.
 * @throws if the seed is not a finite number.
 */
export function createPrng(seed: number): Prng {
  if (!Number.isFinite(seed)) throw new Error('createPrng requires a finite seed');
  let s = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 3; i++) {
    s = (s + 0x9e3779b9) | 0;
    words.push(splitmix32(s));
  }
  let a = words[0]! | 0;
  let b = words[1]! | 0;
  let c = words[2]! | 0;
  let counter = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up discards the first outputs, which still correlate with the seed words.
  for (let i = 0; i < 12; i++) nextUint32();
  const nextFloat = (): number => nextUint32() / 4294967296;
  return {
    nextUint32,
    nextFloat,
    nextInt: (bound) => Math.floor(nextFloat() * bound),
  };
}
