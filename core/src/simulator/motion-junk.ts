import {
  angleNoise,
  heldPose,
  MOTION_MARGIN_S,
  personalPose,
  poissonTimes,
  tremor,
} from './motion-common.js';
import { periodicMotion } from './motion-periodic.js';
import { tapMotion } from './motion-taps.js';
import type { JunkProfile, Motion, MotionContext, PeriodicProfile } from './motion-types.js';
import { DEG, type Vec3 } from './rotation.js';
import { bandNoise } from './waveforms.js';

/** Fiddling with the strap: jerky roll of 15–30°, smaller pitch/yaw, occasional tugs. */
function strapMotion(ctx: MotionContext): Motion {
  const centre = personalPose([0, 30, 45], ctx, 10);
  const roll = bandNoise(ctx.rng, 0.8, 3, 4);
  const rollRad = ctx.rng.uniform(15, 30) * DEG;
  const wobble = angleNoise(ctx.rng, 0.5, 3, 6);
  const tugs = poissonTimes(ctx.rng, 60, -MOTION_MARGIN_S, ctx.durationS + MOTION_MARGIN_S);
  const tugG = tugs.map(() => ctx.rng.normal(0, 0.3));
  return (t, out) => {
    out[0] = centre[0]!;
    out[1] = centre[1]!;
    out[2] = centre[2]! + rollRad * roll(t);
    wobble(t, out);
    out[3] = 0;
    out[4] = 0;
    out[5] = 0;
    for (let i = 0; i < tugs.length; i++) {
      const dt = t - tugs[i]!;
      if (dt > -0.3 && dt < 0.3) out[3] = out[3]! + tugG[i]! * Math.exp(-0.5 * (dt / 0.05) ** 2);
    }
  };
}

/** The arm raised straight up and held there, swaying. */
function raiseMotion(ctx: MotionContext): Motion {
  const centre = personalPose([0, -80, 90], ctx, 5);
  const sway = angleNoise(ctx.rng, 0.1, 1, 3);
  const shake = tremor(ctx, 0.8);
  return heldPose(centre, sway, shake);
}

/** Unstructured movement: every angle wanders widely at 0.15–2.5 Hz, the body jostles. */
function randomMotion(ctx: MotionContext): Motion {
  const { rng } = ctx;
  const centre = personalPose(
    [rng.uniform(-60, 60), rng.uniform(-30, 80), rng.uniform(0, 150)],
    ctx,
    5,
  );
  const wander = angleNoise(rng, 0.15, 2.5, rng.uniform(10, 30));
  const jostle = bandNoise(rng, 0.5, 4, 4);
  const jostleG = rng.uniform(0.03, 0.2);
  return (t, out) => {
    out[0] = centre[0]!;
    out[1] = centre[1]!;
    out[2] = centre[2]!;
    wander(t, out);
    out[3] = 0;
    out[4] = 0;
    out[5] = jostleG * jostle(t);
  };
}

/** An exercise the label set does not list: periodic, with tempo and form of its own. */
function unlistedMotion(ctx: MotionContext): Motion {
  const { rng } = ctx;
  const pose: Vec3 = [rng.uniform(-90, 90), rng.uniform(-60, 80), rng.uniform(0, 180)];
  const swing: Vec3 = [rng.uniform(5, 30), rng.uniform(20, 60), rng.uniform(5, 30)];
  const profile: PeriodicProfile = {
    kind: 'periodic',
    tempoHz: [0.3, 1.2],
    pose,
    swing,
    bounceG: rng.uniform(0, 0.4),
    impact: rng.pick([0, 2, 4]),
  };
  return periodicMotion(profile, { ...ctx, style: rng });
}

/** The motion of a junk activity. O(events near t) per call. */
export function junkMotion(p: JunkProfile, ctx: MotionContext): Motion {
  switch (p.style) {
    case 'tap':
      return tapMotion(ctx, false);
    case 'tapOther':
      return tapMotion(ctx, true);
    case 'strap':
      return strapMotion(ctx);
    case 'raise':
      return raiseMotion(ctx);
    case 'random':
      return randomMotion(ctx);
    case 'unlisted':
      return unlistedMotion(ctx);
  }
}
