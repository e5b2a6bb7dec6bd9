import FFT from 'fft.js';

/**
 * Hann-windowed DFT magnitudes of real signals of one fixed length N, for any N ≥ 2.
 *
 * fft.js only transforms power-of-two sizes, so the length-N DFT goes through Bluestein's chirp-z
 * identity kn = (k² + n² − (k−n)²)/2: X[k] = w[k]·Σ (x[n]·w[n])·conj(w[k−n]) with
 * w[n] = exp(−iπn²/N), a convolution with a chirp evaluated on power-of-two transforms. A
 * circular convolution of size M yields M − N + 1 correct outputs, so the N outputs come either
 * from one transform pair of size M ≥ 2N − 1 or, cheaper for N = 151, from one forward transform
 * of size 256 and two inverse ones, each against a filter aligned to its block of outputs.
 * Two real signals travel together as the real and imaginary part of one complex signal and are
 * separated afterwards by conjugate symmetry, so a pair costs one Bluestein transform.
 * Everything that depends only on N (window, chirps, transformed filters) is computed once here.
 *
 * Cost: O((1 + B)·M log M) per pair of signals with B output blocks; O(B·M) memory per plan.
 */
export interface WindowedDft {
  readonly length: number;
  /** Number of magnitude bins produced per signal: floor(N/2) + 1 (the rest mirror them). */
  readonly bins: number;
  /**
   * Writes |DFT(hann · scaleA · a)| and |DFT(hann · scaleB · b)| for bins 0..floor(N/2) into outA
   * and outB. Inputs must hold at least N finite numbers; only the first N are read. Rounding
   * leaks about 1e-16 of each signal's energy into the other's spectrum, so signals of very
   * different size should be scaled to a similar one.
   */
  magnitudesOfPair(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    outA: Float64Array,
    outB: Float64Array,
    scaleA?: number,
    scaleB?: number,
  ): void;
}

interface OutputBlock {
  start: number;
  count: number;
  /** Transformed chirp filter aligned to this block, pre-scaled by 1/M. */
  filter: Float64Array;
}

export function createWindowedDft(length: number): WindowedDft {
  if (!Number.isInteger(length) || length < 2) {
    throw new RangeError(`createWindowedDft requires an integer length ≥ 2, got ${length}`);
  }
  const n = length;
  const size = cheapestTransformSize(n);
  const fft = new FFT(size);
  const chirpRe = new Float64Array(n);
  const chirpIm = new Float64Array(n);
  const inRe = new Float64Array(n);
  const inIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // i² mod 2N keeps the angle small, so the chirp stays accurate for any N.
    const angle = (Math.PI * ((i * i) % (2 * n))) / n;
    chirpRe[i] = Math.cos(angle);
    chirpIm[i] = -Math.sin(angle);
    const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    inRe[i] = hann * chirpRe[i]!;
    inIm[i] = hann * chirpIm[i]!;
  }
  const blocks = outputBlocks(fft, n, size, chirpRe, chirpIm);
  const input = new Float64Array(2 * size);
  const spectrum = new Float64Array(2 * size);
  const product = new Float64Array(2 * size);
  const convolved = new Float64Array(2 * size);
  /** The complex DFT of a + ib, all N bins. */
  const z = new Float64Array(2 * n);
  const bins = Math.floor(n / 2) + 1;

  function transformPair(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    scaleA: number,
    scaleB: number,
  ) {
    for (let i = 0; i < n; i++) {
      const re = a[i]! * scaleA;
      const im = b[i]! * scaleB;
      input[2 * i] = re * inRe[i]! - im * inIm[i]!;
      input[2 * i + 1] = re * inIm[i]! + im * inRe[i]!;
    }
    fft.transform(spectrum, input);
    for (const { start, count, filter } of blocks) {
      // conj(spectrum · filter): the inverse transform is then a forward one, conjugated back.
      for (let j = 0; j < 2 * size; j += 2) {
        const sr = spectrum[j]!;
        const si = spectrum[j + 1]!;
        const fr = filter[j]!;
        const fi = filter[j + 1]!;
        product[j] = sr * fr - si * fi;
        product[j + 1] = -(sr * fi + si * fr);
      }
      fft.transform(convolved, product);
      for (let k = start; k < start + count; k++) {
        const cr = convolved[2 * k]!;
        const ci = -convolved[2 * k + 1]!;
        z[2 * k] = chirpRe[k]! * cr - chirpIm[k]! * ci;
        z[2 * k + 1] = chirpRe[k]! * ci + chirpIm[k]! * cr;
      }
    }
  }

  function magnitudesOfPair(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    outA: Float64Array,
    outB: Float64Array,
    scaleA = 1,
    scaleB = 1,
  ): void {
    transformPair(a, b, scaleA, scaleB);
    // Z[k] = A[k] + i·B[k] and Z[N−k] = conj(A[k]) + i·conj(B[k]) for real a and b.
    for (let k = 0; k < bins; k++) {
      const m = k === 0 ? 0 : n - k;
      const zr = z[2 * k]!;
      const zi = z[2 * k + 1]!;
      const mr = z[2 * m]!;
      const mi = z[2 * m + 1]!;
      const ar = zr + mr;
      const ai = zi - mi;
      const br = zi + mi;
      const bi = zr - mr;
      outA[k] = 0.5 * Math.sqrt(ar * ar + ai * ai);
      outB[k] = 0.5 * Math.sqrt(br * br + bi * bi);
    }
  }

  return { length: n, bins, magnitudesOfPair };
}

/**
 * The power-of-two size M minimising the work of one forward and B = ceil(N / (M − N + 1))
 * inverse transforms of size M (each circular convolution gives M − N + 1 valid outputs).
 */
function cheapestTransformSize(n: number): number {
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let size = 2; size < 4 * n; size *= 2) {
    if (size < n) continue;
    const blockCount = Math.ceil(n / (size - n + 1));
    const cost = (1 + blockCount) * size * Math.log2(size) + blockCount * size;
    if (cost < bestCost) {
      best = size;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * Splits the N outputs into blocks of at most M − N + 1 and transforms, for each, the conjugate
 * chirp conj(w[j]) laid out circularly over the lags j = start − (N−1) … start + count − 1 it needs.
 */
function outputBlocks(
  fft: FFT,
  n: number,
  size: number,
  chirpRe: Float64Array,
  chirpIm: Float64Array,
): OutputBlock[] {
  const perBlock = size - n + 1;
  const blocks: OutputBlock[] = [];
  for (let start = 0; start < n; start += perBlock) {
    const count = Math.min(perBlock, n - start);
    const taps = new Float64Array(2 * size);
    for (let lag = start - (n - 1); lag < start + count; lag++) {
      const at = ((lag % size) + size) % size;
      const index = Math.abs(lag);
      taps[2 * at] = chirpRe[index]!;
      taps[2 * at + 1] = -chirpIm[index]!;
    }
    const filter = new Float64Array(2 * size);
    fft.transform(filter, taps);
    for (let j = 0; j < filter.length; j++) filter[j] = filter[j]! / size;
    blocks.push({ start, count, filter });
  }
  return blocks;
}
