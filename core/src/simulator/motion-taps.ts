import { angleNoise, MOTION_MARGIN_S, personalPose } from './motion-common.js';
import type { Motion, MotionContext } from './motion-types.js';
import { DEG } from './rotation.js';

const TAP_SIGMA_S = 0.015;

/** Zero-mean tap impulse (Ricker shape): no net change of velocity or position. */
function ricker(dt: number): number {
  const x = dt / TAP_SIGMA_S;
  return (1 - x * x) * Math.exp(-0.5 * x * x);
}

/** Tap times: bursts of 2–6 taps at 3–5 Hz, a burst every 0.8–2 s. */
function tapTimes(ctx: MotionContext): number[] {
  const times: number[] = [];
  let t = -MOTION_MARGIN_S;
  while (t < ctx.durationS + MOTION_MARGIN_S) {
    const count = 2 + ctx.rng.int(5);
    const period = 1 / ctx.rng.uniform(3, 5);
    for (let i = 0; i < count; i++) times.push(t + i * period);
    t += count * period + ctx.rng.uniform(0.8, 2);
  }
  return times;
}

/**
 * Taps on the device: the arm held still, face up, while the other hand taps it, pushing it down
 * in short impulses with a small angular jolt; or (`tapping`) this hand tapping the other wrist,
 * moving in small quick lifts. O(taps) per call.
 */
export function tapMotion(ctx: MotionContext, tapping: boolean): Motion {
  const centre = personalPose(tapping ? [60, 10, 0] : [0, 5, 0], ctx, 10);
  const sway = angleNoise(ctx.rng, 0.1, 0.6, 1.5);
  const times = tapTimes(ctx);
  const impulseG = times.map(() => ctx.rng.uniform(0.4, 1.5) * (tapping ? -0.5 : 1));
  const liftRad = (tapping ? 6 : 0.6) * DEG;
  return (t, out) => {
    out[0] = centre[0]!;
    out[1] = centre[1]!;
    out[2] = centre[2]!;
    sway(t, out);
    let z = 0;
    for (let i = 0; i < times.length; i++) {
      const dt = t - times[i]!;
      if (dt < -0.15 || dt > 0.15) continue;
      z -= impulseG[i]! * ricker(dt);
      out[1] = out[1]! - liftRad * Math.exp(-0.5 * (dt / 0.04) ** 2);
    }
    out[3] = 0;
    out[4] = 0;
    out[5] = z;
  };
}
