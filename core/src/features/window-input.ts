import { SIGNAL_NAMES, type SignalName } from './feature-spec.js';

/** Six equally long sensor signals: accelerometer in g, gyroscope in deg/s. */
export type SignalSet = Readonly<Record<SignalName, ArrayLike<number>>>;

/** A window in Driftwatch's own format (docs/contracts.md). */
export interface WindowInput {
  windowId?: string;
  deviceId?: string;
  timestamp?: string;
  sampleRateHz?: number;
  label?: string;
  signals: SignalSet;
}

/** One sample record of the original project's format: a JSON array of these is one window. */
export interface SampleRecord {
  time?: number;
  accel_x: number;
  accel_y: number;
  accel_z: number;
  gyro_x: number;
  gyro_y: number;
  gyro_z: number;
  label?: string;
  label_group?: string;
}

/** Thrown for a window the featurizer cannot use; the message names the problem. */
export class WindowInputError extends Error {
  constructor(
    message: string,
    /** The offending field, e.g. `signals.gyro_x[17]`. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'WindowInputError';
  }
}

/** Transposes the original sample-array format into one array per signal. */
export function signalsFromSamples(samples: readonly SampleRecord[]): SignalSet {
  const columns = {} as Record<SignalName, Float64Array>;
  for (const name of SIGNAL_NAMES) columns[name] = new Float64Array(samples.length);
  samples.forEach((sample, i) => {
    if (typeof sample !== 'object' || sample === null) {
      throw new WindowInputError(`sample ${i} is not an object`, `[${i}]`);
    }
    for (const name of SIGNAL_NAMES) {
      const value = sample[name];
      if (typeof value !== 'number') {
        throw new WindowInputError(`sample ${i} has no numeric ${name}`, `[${i}].${name}`);
      }
      columns[name][i] = value;
    }
  });
  return columns;
}

/** The signals of either window format (docs/contracts.md). */
export function signalsOf(window: WindowInput | readonly SampleRecord[]): SignalSet {
  return isSampleArray(window) ? signalsFromSamples(window) : window.signals;
}

function isSampleArray(
  window: WindowInput | readonly SampleRecord[],
): window is readonly SampleRecord[] {
  return Array.isArray(window);
}
