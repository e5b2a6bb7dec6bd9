/**
 * Calibrations of one reference, cached by window shape: a calibration costs a few hundred
 * milliseconds and a window's shape barely changes from one run to the next, so shapes are
 * rounded (events to the nearest 10, groups to steps of about 10 %) and each rounded shape is
 * calibrated once. Least recently used shapes beyond `capacity` are forgotten.
 */
import {
  calibrateNull,
  DEFAULT_RESAMPLES,
  type NullCalibration,
  type NullSource,
  type WindowShape,
} from './null-calibration.js';

const GROUP_STEP = Math.log(1.1);

/** The rounded shape a window of `events` events in `groups` groups is calibrated for. */
export function roundedShape(events: number, groups: number): WindowShape {
  const roundedEvents = Math.max(10, Math.round(events / 10) * 10);
  const step = Math.round(Math.log(Math.max(1, groups)) / GROUP_STEP);
  const roundedGroups = Math.min(
    roundedEvents,
    Math.max(1, Math.round(Math.exp(step * GROUP_STEP))),
  );
  return { events: roundedEvents, groups: roundedGroups };
}

export class NullCalibrator {
  private readonly cache = new Map<string, NullCalibration>();

  constructor(
    private readonly source: NullSource,
    private readonly capacity = 32,
    private readonly resamples = DEFAULT_RESAMPLES,
  ) {}

  /** The calibration for a window of `events` events from `groups` groups (devices). */
  calibrationFor(events: number, groups: number): NullCalibration {
    const shape = roundedShape(events, groups);
    const key = `${shape.events}/${shape.groups}`;
    let calibration = this.cache.get(key);
    if (calibration) {
      this.cache.delete(key);
    } else {
      calibration = calibrateNull(this.source, shape, this.resamples);
      if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, calibration);
    return calibration;
  }
}
