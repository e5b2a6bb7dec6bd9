const TAPS = 41;

/** Windowed-sinc low-pass (Hamming), cutoff in cycles per sample, unit DC gain. */
function lowPassKernel(cutoff: number): Float64Array {
  const kernel = new Float64Array(TAPS);
  const middle = (TAPS - 1) / 2;
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const x = i - middle;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    kernel[i] = sinc * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (TAPS - 1)));
    sum += kernel[i]!;
  }
  for (let i = 0; i < TAPS; i++) kernel[i] = kernel[i]! / sum;
  return kernel;
}

/**
 * Convolution with a centred kernel; near the ends the taps that fall inside are renormalised.
 * Only at the `rendered` samples (all when undefined); the others are left at zero.
 */
function filter(
  signal: Float64Array,
  kernel: Float64Array,
  rendered: Uint8Array | undefined,
): Float64Array {
  const out = new Float64Array(signal.length);
  const middle = (kernel.length - 1) / 2;
  for (let i = 0; i < signal.length; i++) {
    if (rendered !== undefined && rendered[i] === 0) continue;
    let sum = 0;
    let weight = 0;
    for (let j = 0; j < kernel.length; j++) {
      const n = i + j - middle;
      if (n < 0 || n >= signal.length) continue;
      sum += kernel[j]! * signal[n]!;
      weight += kernel[j]!;
    }
    out[i] = sum / weight;
  }
  return out;
}

function interpolate(signal: Float64Array, position: number): number {
  const last = signal.length - 1;
  if (position >= last) return signal[last]!;
  const i = Math.floor(position);
  const frac = position - i;
  return signal[i]! + frac * (signal[i + 1]! - signal[i]!);
}

/**
 * What a device sampling at `deviceRateHz` reports once its samples are linearly interpolated
 * back onto the `rateHz` grid: the signal is low-passed at 0.45·deviceRateHz (the device's own
 * anti-alias filter, 41-tap Hamming-windowed sinc), sampled at the device's instants k/deviceRateHz
 * (interpolating between grid points when the rates are not commensurate), then linearly
 * interpolated at i/rateHz. Content above deviceRateHz/2 is gone; what remains there are the
 * interpolation's attenuated images. Returns a copy when the rates are equal. With `rendered`,
 * the filter runs at those samples only: an output sample is exact where the 20 samples either
 * side of it and of its neighbours are rendered, meaningless elsewhere. O(n · 41).
 * Throws RangeError unless 0 < deviceRateHz ≤ rateHz.
 */
export function simulateDeviceRate(
  signal: Float64Array,
  rateHz: number,
  deviceRateHz: number,
  rendered?: Uint8Array,
): Float64Array {
  if (!(deviceRateHz > 0 && deviceRateHz <= rateHz)) {
    throw new RangeError(
      `simulateDeviceRate requires 0 < deviceRateHz ≤ ${rateHz}, got ${deviceRateHz}`,
    );
  }
  if (deviceRateHz === rateHz || signal.length === 0) return Float64Array.from(signal);
  const smooth = filter(signal, lowPassKernel((0.45 * deviceRateHz) / rateHz), rendered);
  const step = rateHz / deviceRateHz;
  const deviceSamples = new Float64Array(Math.floor((signal.length - 1) / step) + 1);
  for (let k = 0; k < deviceSamples.length; k++) deviceSamples[k] = interpolate(smooth, k * step);
  const out = new Float64Array(signal.length);
  for (let i = 0; i < signal.length; i++) out[i] = interpolate(deviceSamples, i / step);
  return out;
}
