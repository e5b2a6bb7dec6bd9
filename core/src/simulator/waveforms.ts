import type { Rng } from '../random/prng.js';

/** A function of time (seconds) or of phase (radians). */
export type Wave = (x: number) => number;

const TAU = 2 * Math.PI;

/**
 * A smooth random process: a sum of `components` sinusoids with frequencies drawn in
 * [loHz, hiHz], random phases and amplitudes, scaled to unit RMS. Being a closed-form function of
 * time, it can be evaluated at any instant, which lets segments be cross-faded. O(components).
 */
export function bandNoise(rng: Rng, loHz: number, hiHz: number, components = 4): Wave {
  const freq = new Float64Array(components);
  const phase = new Float64Array(components);
  const amp = new Float64Array(components);
  let power = 0;
  for (let i = 0; i < components; i++) {
    freq[i] = TAU * rng.uniform(loHz, hiHz);
    phase[i] = rng.uniform(0, TAU);
    amp[i] = rng.uniform(0.5, 1);
    power += (amp[i]! * amp[i]!) / 2;
  }
  const scale = 1 / Math.sqrt(power);
  for (let i = 0; i < components; i++) amp[i] = amp[i]! * scale;
  return (t) => {
    let sum = 0;
    for (let i = 0; i < components; i++) sum += amp[i]! * Math.sin(freq[i]! * t + phase[i]!);
    return sum;
  };
}

/**
 * A periodic movement profile of phase: a sine with random second and third harmonics (no two
 * people curl with the same velocity profile), scaled so its peak is 1. O(1) per call.
 */
export function harmonicWave(rng: Rng, richness: number): Wave {
  const h2 = rng.uniform(0, richness);
  const h3 = rng.uniform(0, richness / 2);
  const p2 = rng.uniform(0, TAU);
  const p3 = rng.uniform(0, TAU);
  const raw: Wave = (phi) =>
    Math.sin(phi) + h2 * Math.sin(2 * phi + p2) + h3 * Math.sin(3 * phi + p3);
  let peak = 0;
  for (let i = 0; i < 256; i++) peak = Math.max(peak, Math.abs(raw((TAU * i) / 256)));
  return (phi) => raw(phi) / peak;
}

/**
 * A zero-mean train of impacts, one per cycle: max(0, cos φ)^sharpness minus its cycle mean,
 * scaled so the impact peak is 1. Sharper impacts put energy into higher harmonics, as a heel
 * strike does. sharpness 0 gives a plain cosine. O(1) per call.
 */
export function impactWave(sharpness: number): Wave {
  if (sharpness <= 0) return Math.cos;
  let mean = 0;
  for (let i = 0; i < 512; i++) mean += Math.max(0, Math.cos((TAU * i) / 512)) ** sharpness;
  mean /= 512;
  const scale = 1 / (1 - mean);
  return (phi) => {
    const c = Math.cos(phi);
    return ((c > 0 ? c ** sharpness : 0) - mean) * scale;
  };
}

/** 0 below 0, 1 above 1, a smooth cubic in between. */
export function smoothstep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return x * x * (3 - 2 * x);
}

/** A smooth bump on [0, 1]: sin²(πx), zero outside. */
export function bump(x: number): number {
  if (x <= 0 || x >= 1) return 0;
  const s = Math.sin(Math.PI * x);
  return s * s;
}
