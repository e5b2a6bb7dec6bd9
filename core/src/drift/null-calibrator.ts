/**
 * Calibrations of one reference, cached by window shape: a calibration costs a few hundred
 * milliseconds and a window's shape barely changes from one run to the next, so shapes are
 * rounded (events to the nearest 10, groups to steps of about 10 %) and each rounded shape is
 * calibrated once. Least recently used shapes beyond `capacity` are forgotten. `prepare` computes
 * a missing calibration a few resamples per turn of the event loop (a whole one holds it for about
 * a second), so that the drift run that needs it only reads the cache.
 *
 * A calibration depends only on the reference's content (the source's `key`), the shape and the
 * number of resamples, so calibrators of sources with the same key share their calibrations
 * within the process: a monitor started again on the same reference, or several datasets with one
 * reference, calibrate each shape once.
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

/** A map that forgets its least recently used entries beyond `capacity`. */
class LruCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}

/** Every calibration of a keyed source made in this process, for the calibrators of that content. */
const shared = new LruCache<NullCalibration>(256);

export class NullCalibrator {
  private readonly cache: LruCache<NullCalibration>;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly source: NullSource,
    capacity = 32,
    private readonly resamples = DEFAULT_RESAMPLES,
  ) {
    this.cache = new LruCache(capacity);
  }

  /** A calibration already made for this shape, by this calibrator or one of the same content. */
  private cached(key: string): NullCalibration | undefined {
    const sharedKey = this.sharedKey(key);
    return this.cache.get(key) ?? (sharedKey === undefined ? undefined : shared.get(sharedKey));
  }

  private sharedKey(key: string): string | undefined {
    return this.source.key === undefined
      ? undefined
      : `${this.source.key}/${this.resamples}/${key}`;
  }

  /**
   * The calibration for a window of `events` events from `groups` groups (devices): from the
   * cache, else computed now in one go.
   */
  calibrationFor(events: number, groups: number): NullCalibration {
    const shape = roundedShape(events, groups);
    const key = keyOf(shape);
    const calibration = this.cached(key) ?? calibrateNull(this.source, shape, this.resamples);
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
    if (this.cached(key) !== undefined) return Promise.resolve();
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

  /** Caches `calibration` as the most recently used, here and for calibrators of this content. */
  private remember(key: string, calibration: NullCalibration): void {
    this.cache.set(key, calibration);
    const sharedKey = this.sharedKey(key);
    if (sharedKey !== undefined) shared.set(sharedKey, calibration);
  }
}

function keyOf(shape: WindowShape): string {
  return `${shape.events}/${shape.groups}`;
}
