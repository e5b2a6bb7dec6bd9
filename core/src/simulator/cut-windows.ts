import { type ClassLabel, TRANSITION } from './activity-groups.js';
import { SENSOR_SIGNALS, type SensorSignals } from './sensor-model.js';
import type { SimulatedStream } from './simulate-session.js';

/**
 * One labelled window cut from a stream; signals are copies (a Float64Array per axis, the six of
 * a window in one buffer), except for windows cut as not wanted (CutOptions.wanted).
 */
export interface SimulatedWindow {
  readonly signals: SensorSignals;
  /** The group of the window's activity, or `Transition` when it spans more than one activity. */
  readonly label: ClassLabel;
  /** The activity covering most of the window's samples (the earlier one on a tie). */
  readonly activity: string;
  /** The distinct activities in the window, in order of appearance. */
  readonly activities: readonly string[];
  readonly startSample: number;
  /** Start of the window, seconds from the start of the stream. */
  readonly startTimeS: number;
}

export interface CutOptions {
  /** Samples per window (default 151: 3 s at 50 Hz, as the original windows). */
  readonly length?: number;
  /** Samples between window starts (default `length`: no overlap). */
  readonly hop?: number;
  /**
   * Whether window k's signals will be read (default: every window's). The others' signals are
   * views of the stream's arrays rather than copies, meaningless where the stream was not
   * rendered: a sender that plays them without looking, or a caller that drops them, pays
   * nothing for their samples.
   */
  readonly wanted?: (k: number) => boolean;
}

/**
 * Cuts a stream into windows starting at 0, hop, 2·hop, … that fit entirely, labelled as the
 * original project labelled its windows. Throws RangeError unless length ≥ 2 and hop ≥ 1 are
 * integers. O(windows · length).
 */
export function cutWindows(stream: SimulatedStream, options: CutOptions = {}): SimulatedWindow[] {
  const length = options.length ?? 151;
  const hop = options.hop ?? length;
  if (!Number.isInteger(length) || length < 2 || !Number.isInteger(hop) || hop < 1) {
    throw new RangeError(
      `cutWindows requires integer length ≥ 2 and hop ≥ 1, got ${length} and ${hop}`,
    );
  }
  const windows: SimulatedWindow[] = [];
  const total = stream.segmentOfSample.length;
  for (let start = 0; start + length <= total; start += hop) {
    const copy = options.wanted?.(windows.length) ?? true;
    windows.push(cutOne(stream, start, length, copy));
  }
  return windows;
}

function cutOne(
  stream: SimulatedStream,
  start: number,
  length: number,
  copy: boolean,
): SimulatedWindow {
  const end = start + length;
  const first = stream.segmentOfSample[start]!;
  const last = stream.segmentOfSample[end - 1]!;
  const covered = new Map<string, number>();
  for (let k = first; k <= last; k++) {
    const s = stream.segments[k]!;
    const overlap = Math.min(end, s.endSample) - Math.max(start, s.startSample);
    covered.set(s.activity, (covered.get(s.activity) ?? 0) + overlap);
  }
  const activities = [...covered.keys()];
  let activity = activities[0]!;
  for (const [name, samples] of covered) if (samples > covered.get(activity)!) activity = name;
  const signals = {} as SensorSignals;
  if (copy) {
    // One allocation for the six copies: allocating a typed array costs more than copying 151
    // doubles into it.
    const block = new Float64Array(SENSOR_SIGNALS.length * length);
    SENSOR_SIGNALS.forEach((name, k) => {
      const signal = block.subarray(k * length, (k + 1) * length);
      signal.set(stream.signals[name].subarray(start, end));
      signals[name] = signal;
    });
  } else {
    for (const name of SENSOR_SIGNALS) signals[name] = stream.signals[name].subarray(start, end);
  }
  return {
    signals,
    label: activities.length > 1 ? TRANSITION : stream.segments[first]!.group,
    activity,
    activities,
    startSample: start,
    startTimeS: start / stream.sampleRateHz,
  };
}
