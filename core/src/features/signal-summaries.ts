/**
 * Per-window summaries of the raw signals, in their units (g, deg/s): the mean and the standard
 * deviation of each axis. The FFT features divide each signal by its largest magnitude, so they
 * cannot see a change of sensor gain or a sign flip; these summaries can. They are monitored for
 * drift, never fed to the model.
 */
import { SIGNAL_NAMES, type SignalName } from './feature-spec.js';

/** `<signal>_mean` and `<signal>_std` for each signal, in SIGNAL_NAMES order. */
export const SUMMARY_NAMES: readonly string[] = SIGNAL_NAMES.flatMap((signal) => [
  `${signal}_mean`,
  `${signal}_std`,
]);

export const SUMMARY_COUNT = SUMMARY_NAMES.length;

/**
 * Writes the summaries of one window into `out` from `offset` (SUMMARY_NAMES order): mean and
 * population standard deviation (numpy's default, ddof = 0), two passes for accuracy. O(samples).
 * The signals must be non-empty; the featurizer has checked them.
 */
export function summarizeSignalsInto(
  signals: Readonly<Record<SignalName, ArrayLike<number>>>,
  out: Float64Array,
  offset = 0,
): void {
  SIGNAL_NAMES.forEach((signal, s) => {
    const values = signals[signal];
    const n = values.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
    out[offset + 2 * s] = mean;
    out[offset + 2 * s + 1] = Math.sqrt(squares / n);
  });
}
