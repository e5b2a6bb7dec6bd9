import { groupOf, type GroupName } from './activity-groups.js';
import { type ClassMix, NATURAL_CLASS_MIX } from './class-mix.js';
import { createMotion } from './create-motion.js';
import { type ForearmSignals, renderForearm } from './kinematics.js';
import type { MotionContext } from './motion-types.js';
import type { Person } from './person.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { applySensor, type SensorSignals } from './sensor-model.js';
import { resolveDrift, type SensorDrift, type SensorDriftInput } from './sensor-drift.js';
import { type PlacedMotion, sessionPose } from './session-pose.js';
import { type PlannedSegment, planSession } from './session-plan.js';

export const SAMPLE_RATE_HZ = 50;

export interface SimulationOptions {
  /** Seed of the session: its plan, its motions and its sensor noise. */
  readonly seed: number;
  /** Length of a planned session, seconds (default 600). Ignored when `plan` is given. */
  readonly durationS?: number;
  /** Explicit activities and durations (seconds) instead of a planned session. */
  readonly plan?: readonly PlannedSegment[];
  /** Group weights for planning (default NATURAL_CLASS_MIX). */
  readonly classMix?: ClassMix;
  /** Drift knobs; defaults mean no drift. */
  readonly drift?: SensorDriftInput;
  /**
   * The sample ranges [from, to) whose readings are needed (default: all). The motion elsewhere
   * is not rendered and the readings there are meaningless, while every needed reading is
   * exactly that of a whole simulation. For windows that will never be looked at: the part of a
   * session before a device joins it, or windows a benchmark does not read.
   */
  readonly neededSamples?: readonly (readonly [number, number])[];
}

/**
 * Samples rendered either side of a needed range: the device-rate filter reads 20 samples either
 * side and the interpolation after it a few more, so the needed readings are exact.
 */
const RENDER_MARGIN_SAMPLES = 64;

/** Which samples to render for `needed` ranges, or undefined for all of them. */
function renderMask(
  needed: SimulationOptions['neededSamples'],
  samples: number,
): Uint8Array | undefined {
  if (needed === undefined) return undefined;
  const mask = new Uint8Array(samples);
  for (const [from, to] of needed) {
    mask.fill(
      1,
      Math.max(0, from - RENDER_MARGIN_SAMPLES),
      Math.min(samples, to + RENDER_MARGIN_SAMPLES),
    );
  }
  return mask;
}

/** One activity's stretch of a stream, samples [startSample, endSample). */
export interface StreamSegment {
  readonly activity: string;
  readonly group: GroupName;
  readonly startSample: number;
  readonly endSample: number;
}

/** A continuous 50 Hz recording with the activity of every sample. */
export interface SimulatedStream {
  readonly sampleRateHz: number;
  readonly signals: SensorSignals;
  readonly segments: readonly StreamSegment[];
  /** Index into `segments` of each sample. */
  readonly segmentOfSample: Uint32Array;
}

function placeSegments(plan: readonly PlannedSegment[]): StreamSegment[] {
  const segments: StreamSegment[] = [];
  let start = 0;
  let endS = 0;
  for (const { activity, durationS } of plan) {
    if (!(durationS > 0) || !Number.isFinite(durationS)) {
      throw new RangeError(
        `simulateSession requires positive finite durations, got ${durationS} for "${activity}"`,
      );
    }
    endS += durationS;
    const end = Math.round(endS * SAMPLE_RATE_HZ);
    if (end > start)
      segments.push({ activity, group: groupOf(activity), startSample: start, endSample: end });
    start = Math.max(start, end);
  }
  if (segments.length === 0)
    throw new RangeError('simulateSession requires a plan of at least one sample');
  return segments;
}

function placeMotions(
  segments: readonly StreamSegment[],
  person: Person,
  drift: SensorDrift,
  seed: number,
): PlacedMotion[] {
  const blendRng = createRng(deriveSeed(seed, 'blend'));
  const arm = drift.wrongArm ? 'left' : 'right';
  return segments.map((segment, k) => {
    const startS = segment.startSample / SAMPLE_RATE_HZ;
    const endS = segment.endSample / SAMPLE_RATE_HZ;
    const next = segments[k + 1];
    const nextS = next ? (next.endSample - next.startSample) / SAMPLE_RATE_HZ : 0;
    const ctx: MotionContext = {
      person,
      rng: createRng(deriveSeed(seed, 'motion', k)),
      style: createRng(deriveSeed(person.seed, segment.activity)),
      tempoScale: drift.tempoScale,
      durationS: endS - startS,
    };
    const motion = createMotion(segment.activity, ctx, arm);
    const blendS = Math.min(blendRng.uniform(0.3, 0.8), Math.min(endS - startS, nextS) / 4);
    return { startS, endS, motion, blendS };
  });
}

/**
 * The motion of one session, before any sensor measures it: what `simulateSession` computes from
 * the person, the seed, the plan (or duration and class mix), the tempo and the arm. Several
 * sensor drifts of one session can be measured from it (`measureSession`) without moving the
 * forearm again, which is ~90 % of the cost.
 */
export interface SessionMotion {
  readonly seed: number;
  readonly forearm: ForearmSignals;
  readonly segments: readonly StreamSegment[];
  readonly segmentOfSample: Uint32Array;
  /** The samples rendered (non-zero), or undefined when all were. */
  readonly rendered: Uint8Array | undefined;
}

/**
 * The motion stage of `simulateSession`: plans the session (or follows `options.plan`) and moves
 * the forearm through each activity with cross-faded boundaries. Of `options.drift` only the
 * tempo and the arm matter here. Throws as `simulateSession` does.
 */
export function simulateMotion(person: Person, options: SimulationOptions): SessionMotion {
  const drift = resolveDrift(options.drift);
  const mix = options.classMix ?? NATURAL_CLASS_MIX;
  const planRng = createRng(deriveSeed(options.seed, 'plan'));
  const segments = placeSegments(
    options.plan ?? planSession(planRng, options.durationS ?? 600, mix),
  );
  const placed = placeMotions(segments, person, drift, options.seed);
  const samples = segments[segments.length - 1]!.endSample;
  const rendered = renderMask(options.neededSamples, samples);
  const forearm = renderForearm(
    sessionPose(placed),
    samples,
    SAMPLE_RATE_HZ,
    person.leverM,
    rendered,
  );
  const segmentOfSample = new Uint32Array(samples);
  segments.forEach((s, k) => {
    segmentOfSample.fill(k, s.startSample, s.endSample);
  });
  return {
    seed: options.seed,
    forearm,
    segments,
    segmentOfSample,
    rendered,
  };
}

/** Whether `motion` was rendered at every sample of `needed` (all samples when undefined). */
export function motionCovers(
  motion: SessionMotion,
  needed: SimulationOptions['neededSamples'],
): boolean {
  const { rendered } = motion;
  if (rendered === undefined) return true;
  if (needed === undefined) return rendered.every((r) => r !== 0);
  return needed.every(([from, to]) => rendered.subarray(from, to).every((r) => r !== 0));
}

/**
 * The sensor stage of `simulateSession`: measures `motion` with an ideal IMU and degrades that
 * with the person's sensor errors and `drift` (whose tempo and arm must be those the motion was
 * made with; they are not checked). Leaves `motion` unchanged. O(samples).
 */
export function measureSession(
  person: Person,
  motion: SessionMotion,
  drift: SensorDriftInput | undefined,
): SimulatedStream {
  const signals = applySensor(
    motion.forearm,
    person,
    resolveDrift(drift),
    deriveSeed(motion.seed, 'sensor'),
    SAMPLE_RATE_HZ,
    motion.rendered,
  );
  const { segments, segmentOfSample } = motion;
  return { sampleRateHz: SAMPLE_RATE_HZ, signals, segments, segmentOfSample };
}

/**
 * Simulates one session of `person` wearing the sensor: plans it (or follows `options.plan`),
 * moves the forearm through each activity with cross-faded boundaries, measures it with an ideal
 * IMU and degrades that with the person's sensor errors and the drift. Pure and deterministic:
 * the same person and options give byte-identical signals. Cost O(samples), a few µs each.
 * Throws RangeError for an unknown activity, a bad duration, mix or drift knob.
 */
export function simulateSession(person: Person, options: SimulationOptions): SimulatedStream {
  return measureSession(person, simulateMotion(person, options), options.drift);
}
