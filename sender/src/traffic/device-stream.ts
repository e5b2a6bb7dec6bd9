/**
 * One simulated wearer's device: consecutive windows of the person's sessions, one after the
 * other, under whatever drift is in effect when each window is recorded.
 *
 * Simulating a session costs far more than sending it, so a device keeps a small pool of
 * sessions and cycles through them, as a person repeats their usual workouts; every
 * FRESH_EVERY-th session is a new one that replaces the oldest in the pool. Which session comes
 * when depends only on the seed, the device and the session count.
 *
 * The sessions that first fill the pool can be simulated ahead (`prepare`), before traffic
 * starts, so that a run's first minutes are not slower than the rest; they are the same sessions
 * nextWindow would otherwise simulate when it reaches them.
 *
 * Windows under the baseline effect come from the pool as simulated. Under any other effect the
 * pooled session is simulated again with it (and kept while the pool cycles); the plan and
 * motions depend only on the session seed (and the class mix), so switching effect mid-session
 * keeps the person doing the same thing.
 */
import { createPerson, deriveSeed, type Person, type SimulatedWindow } from '../simulator/index.js';
import { baselineEffect, type ScenarioEffect } from '../scenarios/scenario-effect.js';
import { SessionSimulator } from './session-simulator.js';

/** Distinct sessions a device cycles through, at most. */
export const MAX_POOL_SESSIONS = 4;
/**
 * Pooled sessions over all devices, at most: a session's windows with their encoded bodies take
 * about 1.2 MB, so many devices get fewer sessions each (never fewer than one).
 */
const POOL_BUDGET_SESSIONS = 100;
/** Every FRESH_EVERY-th session of a device (once the pool is full) is newly simulated. */
export const FRESH_EVERY = 32;
/**
 * Drifted streams kept per device: one per pooled session under a lasting effect, and at least
 * the current effect and the one before, which a ramp moves between mid-session.
 */
const MIN_DRIFTED_STREAMS = 2;

function effectKey(effect: ScenarioEffect, wrongArm: boolean): string {
  return JSON.stringify([effect.sensor, wrongArm, effect.classMix]);
}
const BASELINE_KEY = effectKey(baselineEffect(), false);

/** Sessions each of `devices` devices keeps in its pool. */
export function poolSizeFor(devices: number): number {
  return Math.max(1, Math.min(MAX_POOL_SESSIONS, Math.floor(POOL_BUDGET_SESSIONS / devices)));
}

export class DeviceStream {
  readonly person: Person;
  private session = 0;
  private next: number;
  private freshSessions = 0;
  /** Session seeds of the pool and their windows without drift, simulated when first needed. */
  private readonly pool: { seed: number; windows?: SimulatedWindow[] }[] = [];
  private slot = 0;
  private readonly drifted = new Map<string, SimulatedWindow[]>();
  /** Simulates the person's sessions. */
  private readonly sessions: SessionSimulator;
  /** Baseline windows simulated ahead, by fresh-session number, until their session comes. */
  private readonly prepared = new Map<number, SimulatedWindow[]>();

  constructor(
    private readonly seed: number,
    readonly index: number,
    private readonly deviceCount: number,
    windowLength: number,
    private readonly poolSize = poolSizeFor(deviceCount),
  ) {
    this.person = createPerson(deriveSeed(seed, 'device', index), `device-${index}`);
    this.sessions = new SessionSimulator(this.person, windowLength);
    // Devices join their first session at phases spread over the whole session, so that at any
    // moment the population is at every stage of its sessions: the activity mix then does not
    // drift with time since the start (joining only in the first half made the first minutes'
    // mix differ from the sessions' average, enough to flag dataset drift without any drift).
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

  /** The device's next window under `effect`. */
  nextWindow(effect: ScenarioEffect): SimulatedWindow {
    // The first session is simulated on demand, not when the device is created.
    if (this.pool.length === 0) this.slot = this.takeSlot();
    let windows = this.windowsFor(effect);
    if (this.next >= windows.length) {
      this.session++;
      this.next = 0;
      this.slot = this.takeSlot();
      windows = this.windowsFor(effect);
    }
    return windows[this.next++]!;
  }

  /**
   * How many of the sessions that first fill the pool the device reaches within its next
   * `windows` windows (all of them when undefined): what is worth simulating ahead.
   */
  warmUpSessions(windows?: number): number {
    if (windows === undefined) return this.poolSize;
    if (windows <= 0) return 0;
    const reached = Math.floor((this.next + windows - 1) / this.sessions.windowsPerSession()) + 1;
    return Math.min(this.poolSize, reached);
  }

  /**
   * Simulates, without drift, the `k`-th session the device will start (k < the pool size), so
   * that nextWindow plays these windows when the session comes instead of simulating it then.
   * Returns them. Only meaningful before the device has started that session.
   */
  prepare(k: number): readonly SimulatedWindow[] {
    const windows = this.sessions.baseline(this.sessionSeed(k));
    this.prepared.set(k, windows);
    return windows;
  }

  /**
   * Simulates the current session under `effect` now, ahead of its use, so that when a scenario
   * starts the switch costs nothing: nextWindow(effect) then plays these windows. Returns them,
   * or undefined before the device's first window.
   */
  prepareEffect(effect: ScenarioEffect): readonly SimulatedWindow[] | undefined {
    if (this.pool.length === 0) return undefined;
    return this.windowsFor(effect);
  }

  private sessionSeed(fresh: number): number {
    return deriveSeed(this.seed, 'device-session', this.index, fresh);
  }

  /** The pool slot the current session plays; a fresh session when its turn comes. */
  private takeSlot(): number {
    if (this.pool.length === this.poolSize && this.session % FRESH_EVERY !== 0) {
      return this.session % this.poolSize;
    }
    // A fresh session takes the slot of the oldest one.
    const fresh = this.freshSessions++;
    const slot = fresh % this.poolSize;
    this.pool[slot] = { seed: this.sessionSeed(fresh), windows: this.prepared.get(fresh) };
    this.prepared.delete(fresh);
    return slot;
  }

  private windowsFor(effect: ScenarioEffect): SimulatedWindow[] {
    const wrongArm = (this.index + 0.5) / this.deviceCount <= effect.wrongArmShare;
    const current = this.pool[this.slot]!;
    const key = effectKey(effect, wrongArm);
    if (key === BASELINE_KEY) {
      current.windows ??= this.sessions.baseline(current.seed);
      return current.windows;
    }
    const id = `${current.seed} ${key}`;
    const windows = this.drifted.get(id) ?? this.sessions.drifted(current.seed, effect, wrongArm);
    // Re-inserted on every use, so the first key is always the least recently used.
    this.drifted.delete(id);
    if (this.drifted.size >= Math.max(MIN_DRIFTED_STREAMS, this.poolSize)) {
      this.drifted.delete(this.drifted.keys().next().value!);
    }
    this.drifted.set(id, windows);
    return windows;
  }
}
