/**
 * Sessions of simulated wearers, as windows: without drift, or under a drift effect. Under drift
 * the last session's motion is kept, so that a new effect that changes only the sensor (bias,
 * gain, noise, rotation, sample rate: every step of a ramp of them) measures the same motion
 * again, ~10 % of simulating the session whole.
 */
import {
  cutWindows,
  measureSession,
  motionCovers,
  type Person,
  type SensorDriftInput,
  type SessionMotion,
  type SimulatedStream,
  type SimulatedWindow,
  type SimulationOptions,
  simulateMotion,
  simulateSession,
} from '@driftwatch/core/simulator/index';
import { baselineEffect, type ScenarioEffect } from '../scenarios/scenario-effect.js';

/** Session length: long enough to hold several activities, short enough to re-simulate often. */
export const SESSION_S = 150;
const BASELINE = baselineEffect();

export class SessionSimulator {
  /** Sessions simulated so far (baseline, prepared or drifted). */
  simulations = 0;
  /** Of those, how many moved the forearm; the others re-measured a kept motion (cheaper). */
  motions = 0;
  /**
   * The last motion simulated under drift, or without drift when asked to keep it (~0.4 MB), by
   * what it depends on.
   */
  private lastMotion: { key: string; motion: SessionMotion } | undefined;

  constructor(private readonly windowLength: number) {}

  /** Windows per session. */
  windowsPerSession(): number {
    return Math.floor((SESSION_S * 50 - this.windowLength) / this.windowLength) + 1;
  }

  /**
   * Session `seed` of `person` without drift. Only the windows listed in `windows` (all when
   * undefined) are simulated; the others' signals are meaningless. With `keepMotion`, its motion
   * is kept, so that a drift of the sensor alone later in the session measures it again rather
   * than moving the forearm anew (the same windows either way); without, nothing is kept.
   */
  baseline(
    person: Person,
    seed: number,
    windows?: readonly number[],
    keepMotion = false,
  ): SimulatedWindow[] {
    this.simulations++;
    const options = sessionOptions(seed, BASELINE, false, this.samplesOf(windows));
    const stream = keepMotion
      ? measureSession(person, this.motionFor(person, options, false), options.drift)
      : this.simulateWhole(person, options);
    return this.cut(stream, windows);
  }

  private simulateWhole(person: Person, options: SimulationOptions) {
    this.motions++;
    return simulateSession(person, options);
  }

  /**
   * Session `seed` under `effect` (only `windows`, as in `baseline`), measured from the kept
   * motion when only the sensor changed.
   */
  drifted(
    person: Person,
    seed: number,
    effect: ScenarioEffect,
    wrongArm: boolean,
    windows?: readonly number[],
  ): SimulatedWindow[] {
    this.simulations++;
    const options = sessionOptions(seed, effect, wrongArm, this.samplesOf(windows));
    const stream = measureSession(person, this.motionFor(person, options, wrongArm), options.drift);
    return this.cut(stream, windows);
  }

  /** The session's windows; only those of `windows` (all when undefined) get their own copies. */
  private cut(stream: SimulatedStream, windows: readonly number[] | undefined): SimulatedWindow[] {
    const wanted = windows && new Set(windows);
    return cutWindows(stream, {
      length: this.windowLength,
      wanted: wanted && ((k) => wanted.has(k)),
    });
  }

  private samplesOf(windows: readonly number[] | undefined) {
    const length = this.windowLength;
    return windows?.map((w) => [w * length, (w + 1) * length] as const);
  }

  private motionFor(person: Person, options: SimulationOptions, wrongArm: boolean): SessionMotion {
    const key = JSON.stringify([
      person.seed,
      options.seed,
      options.drift?.tempoScale,
      wrongArm,
      options.classMix,
    ]);
    const kept = this.lastMotion;
    if (kept?.key !== key || !motionCovers(kept.motion, options.neededSamples)) {
      this.motions++;
      this.lastMotion = { key, motion: simulateMotion(person, options) };
    }
    return this.lastMotion!.motion;
  }
}

function sessionOptions(
  seed: number,
  effect: ScenarioEffect,
  wrongArm: boolean,
  neededSamples: SimulationOptions['neededSamples'],
) {
  const drift: SensorDriftInput = { ...effect.sensor, wrongArm };
  return {
    seed,
    durationS: SESSION_S,
    classMix: effect.classMix,
    drift,
    neededSamples,
  } satisfies SimulationOptions;
}
