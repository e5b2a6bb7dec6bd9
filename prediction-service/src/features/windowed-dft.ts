import FFT from 'fft.js';

/**
 * Hann-windowed DFT magnitudes of real signals of one fixed length N, for any N ≥ 2.
 *
 * fft.js only transforms power-of-two sizes, so the length-N DFT goes through Bluestein's chirp-z
 * identity kn = (k² + n² − (k−n)²)/2: X[k] = w[k]·Σ (x[n]·w[n])·conj(w[k−n]) with
 * w[n] = exp(−iπn²/N), a circular convolution evaluated with two power-of-two transforms of size
 * M ≥ 2N−1. Everything that depends only on N (window, chirps, the transformed filter) is computed
 * once here. Two real signals travel together as the real and imaginary part of one complex signal
 * and are separated afterwards by conjugate symmetry, so a pair costs one Bluestein transform.
 *
 * Cost: O(M log M) per pair of signals; O(M) memory per plan.
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

export function createWindowedDft(length: number): WindowedDft {
  if (!Number.isInteger(length) || length < 2) {
    throw new RangeError(`createWindowedDft requires an integer length ≥ 2, got ${length}`);
  }
  const n = length;
  const size = nextPowerOfTwo(2 * n - 1);
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
  const filter = transformedFilter(fft, size, chirpRe, chirpIm);
  const input = new Float64Array(2 * size);
  const spectrum = new Float64Array(2 * size);
  const product = new Float64Array(2 * size);
  const convolved = new Float64Array(2 * size);
  const bins = Math.floor(n / 2) + 1;

  function magnitudesOfPair(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    outA: Float64Array,
    outB: Float64Array,
    scaleA = 1,
    scaleB = 1,
  ): void {
    for (let i = 0; i < n; i++) {
      const re = a[i]! * scaleA;
      const im = b[i]! * scaleB;
      input[2 * i] = re * inRe[i]! - im * inIm[i]!;
      input[2 * i + 1] = re * inIm[i]! + im * inRe[i]!;
    }
    fft.transform(spectrum, input);
    // conj(spectrum · filter): the inverse transform is then a forward one, conjugated back below.
    for (let j = 0; j < 2 * size; j += 2) {
      const sr = spectrum[j]!;
      const si = spectrum[j + 1]!;
      const fr = filter[j]!;
      const fi = filter[j + 1]!;
      product[j] = sr * fr - si * fi;
      product[j + 1] = -(sr * fi + si * fr);
    }
    fft.transform(convolved, product);
    // Z[k] = w[k]·conj(convolved[k]) is the DFT of a + ib; split it by conjugate symmetry.
    for (let k = 0; k < bins; k++) {
      const m = k === 0 ? 0 : n - k;
      const cr = convolved[2 * k]!;
      const ci = -convolved[2 * k + 1]!;
      const zr = chirpRe[k]! * cr - chirpIm[k]! * ci;
      const zi = chirpRe[k]! * ci + chirpIm[k]! * cr;
      const dr = convolved[2 * m]!;
      const di = -convolved[2 * m + 1]!;
      const mr = chirpRe[m]! * dr - chirpIm[m]! * di;
      const mi = chirpRe[m]! * di + chirpIm[m]! * dr;
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

/** FFT of the conjugate chirp laid out circularly, pre-scaled by 1/M for the inverse transform. */
function transformedFilter(
  fft: FFT,
  size: number,
  chirpRe: Float64Array,
  chirpIm: Float64Array,
): Float64Array {
  const taps = new Float64Array(2 * size);
  for (let i = 0; i < chirpRe.length; i++) {
    taps[2 * i] = chirpRe[i]!;
    taps[2 * i + 1] = -chirpIm[i]!;
    if (i > 0) {
      taps[2 * (size - i)] = chirpRe[i]!;
      taps[2 * (size - i) + 1] = -chirpIm[i]!;
    }
  }
  const out = new Float64Array(2 * size);
  fft.transform(out, taps);
  for (let j = 0; j < out.length; j++) out[j] = out[j]! / size;
  return out;
}

function nextPowerOfTwo(x: number): number {
  let p = 2;
  while (p < x) p *= 2;
  return p;
}
