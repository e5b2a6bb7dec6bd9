import { angleNoise, MOTION_MARGIN_S, personalPose, tremor } from './motion-common.js';
import { periodicMotion } from './motion-periodic.js';
import type { Motion, MotionContext, StretchProfile } from './motion-types.js';
import type { Vec3 } from './rotation.js';
import { smoothstep } from './waveforms.js';

// Arm across the chest, behind the head, behind the back, hanging, reaching up, reaching
// forward, holding the ankle behind (quadriceps).
const STRETCH_POSES: readonly Vec3[] = [
  [90, 5, 90],
  [180, -60, 90],
  [150, 60, 0],
  [0, 85, 90],
  [0, -80, 90],
  [0, 0, 90],
  [180, 70, 90],
];

interface Hold {
  start: number;
  moveS: number;
  pose: Float64Array;
}

function drawHolds(ctx: MotionContext): Hold[] {
  const holds: Hold[] = [];
  for (let t = -MOTION_MARGIN_S - 12; t < ctx.durationS + MOTION_MARGIN_S; ) {
    const moveS = ctx.rng.uniform(1.5, 3);
    holds.push({ start: t, moveS, pose: personalPose(ctx.rng.pick(STRETCH_POSES), ctx, 10) });
    t += moveS + ctx.rng.uniform(4, 12);
  }
  return holds;
}

/** Static stretching: poses held 4–12 s, slow moves of 1.5–3 s between them, sway, tremor. */
function holdsMotion(ctx: MotionContext): Motion {
  const holds = drawHolds(ctx);
  const sway = angleNoise(ctx.rng, 0.05, 0.4, 3);
  const shake = tremor(ctx, 0.3);
  let index = 0;
  return (t, out) => {
    while (index > 0 && holds[index]!.start > t) index--;
    while (index + 1 < holds.length && holds[index + 1]!.start <= t) index++;
    const hold = holds[index]!;
    const previous = holds[Math.max(0, index - 1)]!;
    const w = smoothstep((t - hold.start) / hold.moveS);
    for (let k = 0; k < 3; k++)
      out[k] = previous.pose[k]! + w * (hold.pose[k]! - previous.pose[k]!);
    sway(t, out);
    shake(t, out);
    out[3] = 0;
    out[4] = 0;
    out[5] = 0;
  };
}

/**
 * Stretching: static holds, or (dynamic) slow, irregular, large swings at 0.08–0.2 Hz whose
 * phase wanders and size varies a lot from one swing to the next. O(1) amortised per call.
 */
export function stretchMotion(p: StretchProfile, ctx: MotionContext): Motion {
  if (!p.dynamic) return holdsMotion(ctx);
  const { rng } = ctx;
  const pose = rng.pick(STRETCH_POSES);
  const swing: Vec3 = [rng.uniform(10, 40), rng.uniform(30, 70), rng.uniform(10, 40)];
  return periodicMotion(
    { kind: 'periodic', tempoHz: [0.08, 0.2], pose, swing, lag: [0.25, 0, 0.1] },
    ctx,
    undefined,
    { phaseRad: 0.6, amplitude: 0.45 },
  );
}
