/** Plain measurements on sampled signals, written independently of the simulator. */

export function mean(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  return sum / x.length;
}

/** Root mean square about the mean. */
export function rms(x: ArrayLike<number>): number {
  const m = mean(x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i]! - m) ** 2;
  return Math.sqrt(sum / x.length);
}

export function peakAbs(x: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]!));
  return peak;
}

/** The signal with its mean removed, times a Hann window: what the power measures read. */
function hannWindowed(x: ArrayLike<number>): Float64Array {
  const m = mean(x);
  const n = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = (x[i]! - m) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  return out;
}

/**
 * |DFT|² of an already windowed signal at frequency f (Hz): the sum of v[i]·e^(−2πi·f·i/rate),
 * the unit phasor advanced by one rotation per sample (rounding drifts it by ~1e-13 over the
 * few thousand samples measured). O(n).
 */
function powerOfWindowed(v: Float64Array, rateHz: number, f: number): number {
  const step = (2 * Math.PI * f) / rateHz;
  const [c, s] = [Math.cos(step), Math.sin(step)];
  let re = 0;
  let im = 0;
  let pr = 1;
  let pi = 0;
  for (let i = 0; i < v.length; i++) {
    re += v[i]! * pr;
    im -= v[i]! * pi;
    const next = pr * c - pi * s;
    pi = pr * s + pi * c;
    pr = next;
  }
  return re * re + im * im;
}

/** The frequency in [loHz, hiHz] (step stepHz) with the most power. */
export function dominantFrequency(
  x: ArrayLike<number>,
  rateHz: number,
  loHz: number,
  hiHz: number,
  stepHz = 0.02,
): number {
  const v = hannWindowed(x);
  let best = loHz;
  let bestPower = -1;
  for (let f = loHz; f <= hiHz + 1e-9; f += stepHz) {
    const p = powerOfWindowed(v, rateHz, f);
    if (p > bestPower) {
      bestPower = p;
      best = f;
    }
  }
  return best;
}

/** Share of the power between DFT bins in [loHz, hiHz] among all bins in [fromHz, rate/2]. */
export function bandShare(
  x: ArrayLike<number>,
  rateHz: number,
  loHz: number,
  hiHz: number,
  fromHz = 0,
): number {
  const v = hannWindowed(x);
  const step = rateHz / x.length;
  let band = 0;
  let total = 0;
  for (let f = step * Math.ceil(fromHz / step); f <= rateHz / 2 + 1e-9; f += step) {
    const p = powerOfWindowed(v, rateHz, f);
    total += p;
    if (f >= loHz && f <= hiHz) band += p;
  }
  return band / total;
}

/** Sample-wise vector of three signals projected on the unit vector along their mean. */
export function alongMean(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>,
): Float64Array {
  const [mx, my, mz] = [mean(x), mean(y), mean(z)];
  const norm = Math.hypot(mx, my, mz);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i]! * mx + y[i]! * my + z[i]! * mz) / norm;
  return out;
}

export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}
