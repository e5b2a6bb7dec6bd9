/**
 * Calibrations of one reference, cached by window shape: a calibration costs a few hundred
 * milliseconds and a window's shape barely changes from one run to the next, so shapes are
 * rounded (events to the nearest 10, groups to steps of about 10 %) and each rounded shape is
 * calibrated once. Least recently used shapes beyond `capacity` are forgotten. `prepare` computes
 * a missing calibration a few resamples per turn of the event loop (a whole one holds it for about
 * a second), so that the drift run that needs it only reads the cache.
 */
import {
  calibrateNull,
  DEFAULT_RESAMPLES,
  type NullCalibration,
  type NullSource,
  nullCalibrationSteps,
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

/** Resamples computed per turn of the event loop by `prepare` (about 5 ms each at 77 columns). */
const RESAMPLES_PER_TURN = 2;

export class NullCalibrator {
  private readonly cache = new Map<string, NullCalibration>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly source: NullSource,
    private readonly capacity = 32,
    private readonly resamples = DEFAULT_RESAMPLES,
  ) {}

  /**
   * The calibration for a window of `events` events from `groups` groups (devices): from the
   * cache, else computed now in one go.
   */
  calibrationFor(events: number, groups: number): NullCalibration {
    const shape = roundedShape(events, groups);
    const key = keyOf(shape);
    let calibration = this.cache.get(key);
    if (calibration) this.cache.delete(key);
    else calibration = calibrateNull(this.source, shape, this.resamples);
    this.remember(key, calibration);
    return calibration;
  }

  /**
   * Makes sure the calibration for this window shape is cached, computing it a few resamples at a
   * time, awaiting `nextTurn` (e.g. the next turn of the event loop) in between, when it is not.
   * Concurrent calls for one shape share the work.
   */
  prepare(events: number, groups: number, nextTurn: () => Promise<unknown>): Promise<void> {
    const shape = roundedShape(events, groups);
    const key = keyOf(shape);
    if (this.cache.has(key)) return Promise.resolve();
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.calibrateInTurns(key, shape, nextTurn).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async calibrateInTurns(
    key: string,
    shape: WindowShape,
    nextTurn: () => Promise<unknown>,
  ): Promise<void> {
    const steps = nullCalibrationSteps(this.source, shape, this.resamples);
    for (let turn = 0; ; turn++) {
      const step = steps.next();
      if (step.done) {
        this.remember(key, step.value);
        return;
      }
      if (turn % RESAMPLES_PER_TURN === RESAMPLES_PER_TURN - 1) await nextTurn();
    }
  }

  /** Caches `calibration` as the most recently used, forgetting the least recent beyond capacity. */
  private remember(key: string, calibration: NullCalibration): void {
    this.cache.delete(key);
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, calibration);
  }
}

function keyOf(shape: WindowShape): string {
  return `${shape.events}/${shape.groups}`;
}
