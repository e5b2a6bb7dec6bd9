/**
 * One simulated wearer's device: consecutive windows of the person's sessions, one after the
 * other, under whatever drift is in effect when each window is recorded.
 *
 * A session is simulated whole for each distinct effect and windows are taken from the stream of
 * the effect in force at their position. The plan and motions depend only on the session seed
 * (and the class mix), so switching effect mid-session keeps the person doing the same thing.
 */
import {
  createPerson,
  cutWindows,
  deriveSeed,
  type Person,
  type SensorDriftInput,
  type SimulatedWindow,
  simulateSession,
} from '../simulator/index.js';
import type { ScenarioEffect } from '../scenarios/scenario-effect.js';

/** Session length: long enough to hold several activities, short enough to re-simulate often. */
const SESSION_S = 150;
/** Streams kept per device: the current effect and the one before (a ramp only moves forward). */
const CACHED_STREAMS = 2;

export interface DeviceWindow {
  readonly window: SimulatedWindow;
  readonly person: Person;
}

export class DeviceStream {
  readonly person: Person;
  private session = 0;
  private next: number;
  private readonly cache = new Map<string, SimulatedWindow[]>();

  constructor(
    private readonly seed: number,
    readonly index: number,
    private readonly deviceCount: number,
    private readonly windowLength: number,
  ) {
    this.person = createPerson(deriveSeed(seed, 'device', index), `device-${index}`);
    // Devices join mid-session so that concurrent devices are not all warming up together.
    this.next = Math.floor(((index * 0.618034) % 1) * (this.windowsPerSession() / 2));
  }

  /** The device's next window under `effect`. */
  nextWindow(effect: ScenarioEffect): SimulatedWindow {
    let windows = this.windowsFor(effect);
    if (this.next >= windows.length) {
      this.session++;
      this.next = 0;
      this.cache.clear();
      windows = this.windowsFor(effect);
    }
    return windows[this.next++]!;
  }

  private windowsPerSession(): number {
    return Math.floor((SESSION_S * 50 - this.windowLength) / this.windowLength) + 1;
  }

  private windowsFor(effect: ScenarioEffect): SimulatedWindow[] {
    const wrongArm = (this.index + 0.5) / this.deviceCount <= effect.wrongArmShare;
    const drift: SensorDriftInput = { ...effect.sensor, wrongArm };
    const key = JSON.stringify([drift, effect.classMix]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const stream = simulateSession(this.person, {
      seed: deriveSeed(this.seed, 'device-session', this.index, this.session),
      durationS: SESSION_S,
      classMix: effect.classMix,
      drift,
    });
    const windows = cutWindows(stream, { length: this.windowLength });
    if (this.cache.size >= CACHED_STREAMS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, windows);
    return windows;
  }
}
