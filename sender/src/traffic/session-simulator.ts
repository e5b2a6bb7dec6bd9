/**
 * Sessions of simulated wearers, as windows: without drift, or under a drift effect. Under drift
 * the last session's motion is kept, so that a new effect that changes only the sensor (bias,
 * gain, noise, rotation, sample rate: every step of a ramp of them) measures the same motion
 * again, ~10 % of simulating the session whole.
 */
import {
  cutWindows,
  measureSession,
  type Person,
  type SensorDriftInput,
  type SessionMotion,
  type SimulatedWindow,
  type SimulationOptions,
  simulateMotion,
  simulateSession,
} from '../simulator/index.js';
import { baselineEffect, type ScenarioEffect } from '../scenarios/scenario-effect.js';

/** Session length: long enough to hold several activities, short enough to re-simulate often. */
export const SESSION_S = 150;
const BASELINE = baselineEffect();

export class SessionSimulator {
  /** Sessions simulated so far (baseline, prepared or drifted). */
  simulations = 0;
  /** Of those, how many moved the forearm; the others re-measured a kept motion (cheaper). */
  motions = 0;
  /** The last motion simulated under drift (~0.4 MB), by what it depends on. */
  private lastMotion: { key: string; motion: SessionMotion } | undefined;

  constructor(private readonly windowLength: number) {}

  /** Windows per session. */
  windowsPerSession(): number {
    return Math.floor((SESSION_S * 50 - this.windowLength) / this.windowLength) + 1;
  }

  /**
   * Session `seed` of `person` without drift; its motion is not kept. Windows before
   * `fromWindow` are not simulated (their signals are meaningless): a session joined part-way.
   */
  baseline(person: Person, seed: number, fromWindow = 0): SimulatedWindow[] {
    this.simulations++;
    this.motions++;
    const options = sessionOptions(seed, BASELINE, false, this.secondsOf(fromWindow));
    return cutWindows(simulateSession(person, options), { length: this.windowLength });
  }

  /**
   * Session `seed` under `effect` from window `fromWindow` on, measured from the kept motion
   * when only the sensor changed.
   */
  drifted(
    person: Person,
    seed: number,
    effect: ScenarioEffect,
    wrongArm: boolean,
    fromWindow = 0,
  ): SimulatedWindow[] {
    this.simulations++;
    const options = sessionOptions(seed, effect, wrongArm, this.secondsOf(fromWindow));
    const stream = measureSession(person, this.motionFor(person, options, wrongArm), options.drift);
    return cutWindows(stream, { length: this.windowLength });
  }

  private secondsOf(window: number): number {
    return (window * this.windowLength) / 50;
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
    // A motion rendered from an earlier instant serves any later one.
    if (kept?.key !== key || kept.motion.neededFromS > (options.neededFromS ?? 0)) {
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
  neededFromS: number,
) {
  const drift: SensorDriftInput = { ...effect.sensor, wrongArm };
  return {
    seed,
    durationS: SESSION_S,
    classMix: effect.classMix,
    drift,
    neededFromS,
  } satisfies SimulationOptions;
}
