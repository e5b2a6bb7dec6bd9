import {
  angleNoise,
  heldPose,
  MOTION_MARGIN_S,
  personalPose,
  poissonTimes,
  tremor,
} from './motion-common.js';
import type { Motion, MotionContext, RestProfile, StaticProfile } from './motion-types.js';
import { DEG } from './rotation.js';
import { bump } from './waveforms.js';

function breathing(ctx: MotionContext, amplitudeG: number) {
  const omega = 2 * Math.PI * ctx.rng.uniform(0.2, 0.35);
  const phase = ctx.rng.uniform(0, 2 * Math.PI);
  return (t: number) => amplitudeG * Math.sin(omega * t + phase);
}

/**
 * Holding a position (plank, wall squat…): a fixed personal pose, slow sway of `swayDeg`, and
 * physiological tremor at the person's 8–12 Hz scaled by the load of the hold. O(1) per call.
 */
export function staticMotion(p: StaticProfile, ctx: MotionContext): Motion {
  const centre = personalPose(p.pose, ctx, 6);
  const sway = angleNoise(ctx.rng, 0.08, 0.5, p.swayDeg * ctx.person.amplitudeFactor * 0.5);
  const shake = tremor(ctx, p.load * ctx.rng.uniform(0.8, 1.2));
  return heldPose(centre, sway, shake, breathing(ctx, 0.01));
}

interface Gesture {
  start: number;
  durationS: number;
  radians: [number, number, number];
}

function drawGestures(p: RestProfile, ctx: MotionContext): Gesture[] {
  const handedness = ctx.person.leftHanded ? 0.6 : 1;
  const perMinute = ctx.rng.uniform(p.gesturesPerMinute[0], p.gesturesPerMinute[1]) * handedness;
  const times = poissonTimes(ctx.rng, perMinute, -MOTION_MARGIN_S, ctx.durationS + MOTION_MARGIN_S);
  return times.map((start) => ({
    start,
    durationS: ctx.rng.uniform(0.8, 2.5),
    radians: [ctx.rng.normal(0, 8) * DEG, ctx.rng.normal(0, 15) * DEG, ctx.rng.normal(0, 12) * DEG],
  }));
}

/**
 * Near rest: the person's resting pose with slow drift of a few degrees and, now and then, a
 * small gesture (0.8–2.5 s). A device on a table lies flat and perfectly still. O(gestures).
 */
export function restMotion(p: RestProfile, ctx: MotionContext): Motion {
  if (p.table) return tableMotion(ctx);
  const centre = personalPose(ctx.person.restPoseDeg, ctx, 10);
  const drift = angleNoise(ctx.rng, 0.01, 0.08, ctx.rng.uniform(1, 3));
  const gestures = drawGestures(p, ctx);
  const shake = tremor(ctx, 0.3);
  const breath = breathing(ctx, 0.005);
  return (t, out) => {
    out[0] = centre[0]!;
    out[1] = centre[1]!;
    out[2] = centre[2]!;
    for (const g of gestures) {
      const w = bump((t - g.start) / g.durationS);
      if (w > 0) for (let k = 0; k < 3; k++) out[k] = out[k]! + w * g.radians[k]!;
    }
    drift(t, out);
    shake(t, out);
    out[3] = 0;
    out[4] = 0;
    out[5] = breath(t);
  };
}

function tableMotion(ctx: MotionContext): Motion {
  const yaw = ctx.rng.uniform(-Math.PI, Math.PI);
  const pitch = ctx.rng.normal(0, 2) * DEG;
  const roll = (ctx.rng.chance(0.8) ? 0 : 180) * DEG + ctx.rng.normal(0, 2) * DEG;
  return (_t, out) => {
    out[0] = yaw;
    out[1] = pitch;
    out[2] = roll;
    out[3] = 0;
    out[4] = 0;
    out[5] = 0;
  };
}
