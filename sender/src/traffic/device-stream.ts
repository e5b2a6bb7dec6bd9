/**
 * One place in the simulated fleet: a device online for one wearer's session after another, as
 * production traffic has people starting and ending their workouts all day. Every session is a
 * new person doing a new session, both drawn from the run's seed, the place and the session's
 * number, so no two places and no two sessions of one place ever send the same signals, however
 * long the run. Each session comes from its own device (`deviceId`), which is how the
 * monitoring service tells the windows of one person apart from the rest.
 *
 * The first session can be simulated ahead (`prepare`), before traffic starts, so that a run's
 * first minutes are not slower than the rest; later sessions are simulated when they start. Only
 * the windows still to be played are simulated: the first session from where the device joins
 * it, a session simulated again under a drift from the window the drift reaches.
 *
 * Windows under the baseline effect are the session as simulated. Under any other effect the
 * session is simulated again with it (and kept while the effect lasts); the plan and motions
 * depend only on the person, the session seed (and the class mix), so switching effect
 * mid-session keeps the person doing the same thing.
 */
import { deriveSeed } from '@driftwatch/core/random/prng';
import { createPerson, type Person, type SimulatedWindow } from '@driftwatch/core/simulator/index';
import { baselineEffect, type ScenarioEffect } from '../scenarios/scenario-effect.js';
import { SessionSimulator } from './session-simulator.js';

/**
 * Drifted versions of the current session kept: the current effect and the one before, which a
 * ramp moves between mid-session.
 */
const DRIFTED_STREAMS = 2;

function effectKey(effect: ScenarioEffect, wrongArm: boolean): string {
  return JSON.stringify([effect.sensor, wrongArm, effect.classMix]);
}
const BASELINE_KEY = effectKey(baselineEffect(), false);

/** One wearer's session on a device. */
interface Session {
  readonly number: number;
  readonly person: Person;
  readonly seed: number;
  baseline?: SimulatedWindow[];
}

export class DeviceStream {
  private current: Session | undefined;
  private next: number;
  private readonly drifted = new Map<string, SimulatedWindow[]>();
  private readonly sessions: SessionSimulator;
  /** The first session's baseline windows, when simulated ahead. */
  private prepared: SimulatedWindow[] | undefined;
  /** Windows played so far. */
  private played = 0;
  /**
   * Whether baseline sessions keep their motion, so that a drift of the sensor alone starting
   * mid-session measures it again instead of moving the forearm anew: set when a scenario is
   * scheduled (it costs ~0.4 MB per device).
   */
  keepBaselineMotion = false;

  /**
   * `wanted(k)` says whether the device's k-th window will be looked at (default: every one);
   * the signals of the others are not simulated and are meaningless.
   */
  constructor(
    private readonly seed: number,
    readonly index: number,
    private readonly deviceCount: number,
    windowLength: number,
    private readonly wanted?: (k: number) => boolean,
  ) {
    this.sessions = new SessionSimulator(windowLength);
    // Devices join their first session at phases spread over the whole session, so that at any
    // moment the fleet is at every stage of its sessions: the activity mix then does not drift
    // with the time since the start (joining only in the first half made the first minutes' mix
    // differ from the sessions' average, enough to flag dataset drift without any drift).
    this.next = Math.floor(((index * 0.618034) % 1) * this.sessions.windowsPerSession());
  }

  /** Sessions simulated so far (baseline, prepared or drifted): what the device has cost. */
  get simulations(): number {
    return this.sessions.simulations;
  }

  /** Of those, how many moved the forearm; the others re-measured a kept motion (cheaper). */
  get motions(): number {
    return this.sessions.motions;
  }

  /** The device of the session being played (undefined before the first window). */
  get deviceId(): string | undefined {
    return this.current && sessionDeviceId(this.index, this.current.number);
  }

  /** The person of the session being played (undefined before the first window). */
  get person(): Person | undefined {
    return this.current?.person;
  }

  /** The device's next window under `effect`. */
  nextWindow(effect: ScenarioEffect): SimulatedWindow {
    if (this.current === undefined) {
      this.current = this.session(0);
      this.current.baseline = this.prepared;
      this.prepared = undefined;
    }
    let windows = this.windowsFor(effect);
    if (this.next >= windows.length) {
      this.current = this.session(this.current.number + 1);
      this.drifted.clear();
      this.next = 0;
      windows = this.windowsFor(effect);
    }
    this.played++;
    return windows[this.next++]!;
  }

  /**
   * Simulates, without drift, the first session the device will play, so that nextWindow plays
   * these windows instead of simulating them when traffic starts. Returns the ones it will play
   * (from where it joins the session, the wanted ones): the others' signals are meaningless.
   * Only meaningful before the device's first window.
   */
  prepare(): readonly SimulatedWindow[] {
    const first = this.session(0);
    const toPlay = this.windowsToPlay();
    const prepared = this.sessions.baseline(
      first.person,
      first.seed,
      toPlay,
      this.keepBaselineMotion,
    );
    this.prepared = prepared;
    return toPlay.map((j) => prepared[j]!);
  }

  /**
   * Simulates the current session under `effect` now, ahead of its use, so that when a scenario
   * starts the switch costs nothing: nextWindow(effect) then plays these windows. Returns them,
   * or undefined before the device's first window.
   */
  prepareEffect(effect: ScenarioEffect): readonly SimulatedWindow[] | undefined {
    if (this.current === undefined) return undefined;
    return this.windowsFor(effect);
  }

  /** The current session's windows from the next one to play on that are wanted. */
  private windowsToPlay(): number[] {
    const windows: number[] = [];
    for (let j = this.next; j < this.sessions.windowsPerSession(); j++) {
      if (this.wanted?.(this.played + j - this.next) ?? true) windows.push(j);
    }
    return windows;
  }

  private session(number: number): Session {
    const { personSeed, sessionSeed } = wearerSessionSeeds(this.seed, this.index, number);
    const person = createPerson(personSeed, `person-${this.index}-${number}`);
    return { number, person, seed: sessionSeed };
  }

  private windowsFor(effect: ScenarioEffect): SimulatedWindow[] {
    const wrongArm = (this.index + 0.5) / this.deviceCount <= effect.wrongArmShare;
    const current = this.current!;
    const key = effectKey(effect, wrongArm);
    if (key === BASELINE_KEY) {
      current.baseline ??= this.sessions.baseline(
        current.person,
        current.seed,
        this.windowsToPlay(),
        this.keepBaselineMotion,
      );
      return current.baseline;
    }
    const windows =
      this.drifted.get(key) ??
      this.sessions.drifted(current.person, current.seed, effect, wrongArm, this.windowsToPlay());
    // Re-inserted on every use, so the first key is always the least recently used.
    this.drifted.delete(key);
    if (this.drifted.size >= DRIFTED_STREAMS) {
      this.drifted.delete(this.drifted.keys().next().value!);
    }
    this.drifted.set(key, windows);
    return windows;
  }
}

/** The seeds of the wearer and of the session that fleet place `index` plays as its `number`-th. */
export function wearerSessionSeeds(
  seed: number,
  index: number,
  number: number,
): { personSeed: number; sessionSeed: number } {
  return {
    personSeed: deriveSeed(seed, 'wearer', index, number),
    sessionSeed: deriveSeed(seed, 'device-session', index, number),
  };
}

/** The device id of session `number` at fleet place `index`: one device per wearer's session. */
export function sessionDeviceId(index: number, number: number): string {
  return `device-${index}-${number}`;
}
