import { describe, expect, it } from 'vitest';
import {
  SIGNAL_NAMES,
  SUMMARY_COUNT,
  SUMMARY_NAMES,
  type SignalSet,
  summarizeSignalsInto,
} from '../../../core/src/features/index.js';
import { readFixture } from '../../helpers/fixtures.js';

interface NumpyCase {
  length: number;
  signals: Record<string, number[]>;
  /** numpy.mean and numpy.std (ddof = 0) per signal (see features/generate.py). */
  summaries: number[];
}

const numpyCases = readFixture<{ cases: NumpyCase[] }>('features/numpy-features.json').cases;

describe('summarizeSignalsInto', () => {
  it('names a mean and a standard deviation per signal, in signal order', () => {
    expect(SUMMARY_COUNT).toBe(2 * SIGNAL_NAMES.length);
    expect(SUMMARY_NAMES.slice(0, 4)).toEqual([
      'accel_x_mean',
      'accel_x_std',
      'accel_y_mean',
      'accel_y_std',
    ]);
  });

  it.each(numpyCases.map((c) => [c.length, c] as const))('matches numpy for N = %i', (_n, c) => {
    const out = new Float64Array(SUMMARY_COUNT + 3);
    summarizeSignalsInto(c.signals as unknown as SignalSet, out, 3);
    c.summaries.forEach((value, i) => {
      const tolerance = 1e-13 * Math.max(1, Math.abs(value));
      expect(Math.abs(out[3 + i]! - value)).toBeLessThanOrEqual(tolerance);
    });
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
  });

  it('sees what the normalised features cannot: a gain scales both, a sign flip the mean', () => {
    const c = numpyCases[4]!;
    const base = new Float64Array(SUMMARY_COUNT);
    const changed = new Float64Array(SUMMARY_COUNT);
    const signals = c.signals as unknown as SignalSet;
    summarizeSignalsInto(signals, base);
    const flipped = { ...signals, accel_z: c.signals.accel_z!.map((v) => -2 * v) };
    summarizeSignalsInto(flipped, changed);
    expect(changed[4]).toBeCloseTo(-2 * base[4]!, 12);
    expect(changed[5]).toBeCloseTo(2 * base[5]!, 12);
    expect(Array.from(changed.subarray(0, 4))).toEqual(Array.from(base.subarray(0, 4)));
  });
});
