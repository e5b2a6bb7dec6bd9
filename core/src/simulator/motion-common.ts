import type { Motion, MotionContext } from './motion-types.js';
import type { Rng } from '../random/prng.js';
import { DEG, type Vec3 } from './rotation.js';
import { bandNoise, type Wave } from './waveforms.js';

/**
 * Seconds before and after its segment in which a motion with discrete events (gestures, taps,
 * held poses) still has them, since cross-fades evaluate motions up to a second past their ends.
 */
export const MOTION_MARGIN_S = 3;

/**
 * A profile's pose made personal, in radians: plus the person's habitual offsets and a style
 * offset of standard deviation `styleSdDeg` that repeats in each of their sets.
 */
export function personalPose(pose: Vec3, ctx: MotionContext, styleSdDeg: number): Float64Array {
  const out = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    out[k] = (pose[k]! + ctx.person.habitDeg[k]! + ctx.style.normal(0, styleSdDeg)) * DEG;
  }
  return out;
}

/**
 * Three independent random angle processes (yaw, pitch, roll) in [loHz, hiHz], each of RMS
 * `rmsDeg`, returned as one function writing radians into out[0..2] additively.
 */
export function angleNoise(rng: Rng, loHz: number, hiHz: number, rmsDeg: number) {
  const waves: Wave[] = [0, 1, 2].map(() => bandNoise(rng, loHz, hiHz, 3));
  const scale = rmsDeg * DEG;
  return (t: number, out: Float64Array): void => {
    out[0] = out[0]! + scale * waves[0]!(t);
    out[1] = out[1]! + scale * waves[1]!(t);
    out[2] = out[2]! + scale * waves[2]!(t);
  };
}

/**
 * Physiological tremor: narrow-band angular oscillation around the person's tremor frequency
 * (8–12 Hz), RMS = person.tremorDeg × load, on all three angles.
 */
export function tremor(ctx: MotionContext, load: number) {
  const centre = ctx.person.tremorHz;
  return angleNoise(ctx.rng, centre - 0.7, centre + 0.7, ctx.person.tremorDeg * load);
}

/** Times of a Poisson process of `perMinute` events in [fromS, toS), sorted. */
export function poissonTimes(rng: Rng, perMinute: number, fromS: number, toS: number): number[] {
  const times: number[] = [];
  if (!(perMinute > 0)) return times;
  let t = fromS;
  for (;;) {
    t += (-Math.log(1 - rng.next()) * 60) / perMinute;
    if (t >= toS) return times;
    times.push(t);
  }
}

/**
 * A pose held still: the `centre` angles, moved by `sway` and `shake` (each adding to the angles),
 * with no body acceleration but `vertical` (g, default none). O(1) per sample.
 */
export function heldPose(
  centre: Float64Array,
  sway: Motion,
  shake: Motion,
  vertical: (t: number) => number = () => 0,
): Motion {
  return (t, out) => {
    out[0] = centre[0]!;
    out[1] = centre[1]!;
    out[2] = centre[2]!;
    sway(t, out);
    shake(t, out);
    out[3] = 0;
    out[4] = 0;
    out[5] = vertical(t);
  };
}
