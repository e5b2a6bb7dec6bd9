import { angleNoise, personalPose, tremor } from './motion-common.js';
import type { GaitProfile, Motion, MotionContext, PeriodicProfile } from './motion-types.js';
import { DEG } from './rotation.js';
import { bandNoise, harmonicWave, impactWave } from './waveforms.js';

const TAU = 2 * Math.PI;

/** How irregular the repetitions are: phase wander (radians) and amplitude modulation depth. */
export interface Irregularity {
  readonly phaseRad: number;
  readonly amplitude: number;
}

const STEADY: Irregularity = { phaseRad: 0.5, amplitude: 0.08 };
const PACED: Irregularity = { phaseRad: 0.15, amplitude: 0.03 };

/**
 * Repeated movement: each angle swings about the personal centre pose with a person-specific
 * velocity profile, tempo and size; repetitions wander in phase and amplitude; the body
 * bounces with impacts and surges forward/back at `bounceHarmonic` times the arm's tempo.
 * `tempoHz` overrides the tempo drawn from the profile (gait passes its cadence). O(1) per call.
 */
export function periodicMotion(
  p: PeriodicProfile,
  ctx: MotionContext,
  tempoHz?: number,
  irregularity: Irregularity = p.paced ? PACED : STEADY,
): Motion {
  const { person, rng, style } = ctx;
  // Triangular over the profile's range: most people near its middle, few at its ends.
  const typical =
    (style.uniform(p.tempoHz[0], p.tempoHz[1]) + style.uniform(p.tempoHz[0], p.tempoHz[1])) / 2;
  const drawn = typical * person.tempoFactor * rng.uniform(0.95, 1.05);
  const omega = TAU * (tempoHz ?? drawn * ctx.tempoScale);
  const size = person.amplitudeFactor * style.uniform(0.9, 1.1) * rng.uniform(0.95, 1.05);
  const centre = personalPose(p.pose, ctx, 4);
  const swing = p.swing.map((deg) => deg * DEG * size * style.uniform(0.85, 1.15));
  const lag = (p.lag ?? [0, 0, 0]).map((cycles) => TAU * (cycles + style.normal(0, 0.03)));
  const wave = harmonicWave(style, 0.25);
  const impact = impactWave(p.impact ?? 0);
  const harmonic = p.bounceHarmonic ?? 1;
  const bounceG = (p.bounceG ?? 0) * size;
  const surgeG = (p.surgeG ?? 0) * size;
  const wander = bandNoise(rng, 0.03, 0.2, 3);
  const modulation = bandNoise(rng, 0.02, 0.15, 3);
  const micro = angleNoise(rng, 0.5, 4, 0.4 * person.amplitudeFactor);
  const shake = tremor(ctx, 0.5);
  const phase0 = rng.uniform(0, TAU);
  const vibration = bandNoise(rng, 6, 20, 6);
  const vibrationG = p.vibrationG ?? 0;
  return (t, out) => {
    const phi = omega * t + phase0 + irregularity.phaseRad * wander(t);
    const m = 1 + irregularity.amplitude * modulation(t);
    for (let k = 0; k < 3; k++) out[k] = centre[k]! + m * swing[k]! * wave(phi - lag[k]!);
    micro(t, out);
    shake(t, out);
    out[3] = surgeG * m * Math.sin(harmonic * phi);
    out[4] = 0;
    out[5] =
      bounceG * m * impact(harmonic * phi) + (vibrationG > 0 ? vibrationG * vibration(t) : 0);
  };
}

/**
 * Walking or running: the arm swings once per two steps, the body bounces once per step. The
 * cadence is the person's own (walk 1.7–2.0 Hz, run 2.5–3.0 Hz) times the drift's tempo scale,
 * with ±3 % from bout to bout. O(1) per call.
 */
export function gaitMotion(p: GaitProfile, ctx: MotionContext): Motion {
  const base = p.pace === 'walk' ? ctx.person.walkCadenceHz : ctx.person.runCadenceHz;
  const cadenceHz = base * ctx.tempoScale * ctx.rng.uniform(0.97, 1.03);
  const periodic: PeriodicProfile = {
    kind: 'periodic',
    tempoHz: [cadenceHz / 2, cadenceHz / 2],
    pose: p.pose,
    swing: p.swing,
    lag: [0.25, 0, 0.1],
    bounceG: p.bounceG,
    surgeG: p.surgeG,
    impact: p.impact,
    bounceHarmonic: 2,
  };
  return periodicMotion(periodic, ctx, cadenceHz / 2, { phaseRad: 0.3, amplitude: 0.08 });
}
