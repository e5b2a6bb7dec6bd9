import { deriveSeed } from '@driftwatch/core/random/prng';
import type { SensorSignals } from '@driftwatch/core/simulator/index';

/** Samples per window and the rate they are recorded at: the services' 3-second windows. */
export const WINDOW_LENGTH = 151;
export const SAMPLE_RATE_HZ = 50;
/** Simulated seconds one device needs to record a window (windows do not overlap). */
export const WINDOW_PERIOD_S = WINDOW_LENGTH / SAMPLE_RATE_HZ;

/** A window ready to send, with everything the runner needs to pace it and label it later. */
export interface OutgoingWindow {
  /** Position in the run, 0-based, in sending order. */
  readonly index: number;
  readonly windowId: string;
  readonly deviceId: string;
  /** Simulated seconds since the start of the run at which the window is complete. */
  readonly dueS: number;
  /** Start of the recording, ISO-8601. */
  readonly timestamp: string;
  /** Ground truth (after any concept swap); undefined when a replayed recording has none. */
  readonly label: string | undefined;
  readonly signals: SensorSignals;
  /** Scenarios in force for this window, for display. */
  readonly active: readonly string[];
}

/** Produces windows in sending order; undefined once there are no more. */
export interface WindowSource {
  next(): OutgoingWindow | undefined;
}

/** A uniform draw in [0, 1) fixed by the seed and keys, so runs repeat exactly. */
export function unitDraw(seed: number, ...keys: (string | number)[]): number {
  return deriveSeed(seed, ...keys) / 2 ** 32;
}
