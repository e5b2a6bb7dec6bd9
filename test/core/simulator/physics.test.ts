import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_GROUPS,
  createPerson,
  cutWindows,
  GROUP_NAMES,
  type SensorSignals,
  simulateSession,
} from '../../../core/src/simulator/index.js';
import { alongMean, bandShare, dominantFrequency, mean, peakAbs, rms } from './signal-measures.js';

const PEOPLE = [1, 2, 3, 4, 5, 6];

function record(activity: string, personSeed: number, durationS = 40): SensorSignals {
  return simulateSession(createPerson(personSeed), {
    seed: personSeed * 7 + 1,
    plan: [{ activity, durationS }],
  }).signals;
}

/** Acceleration along the mean gravity direction: the vertical, whatever the sensor's tilt. */
function vertical(s: SensorSignals): Float64Array {
  return alongMean(s.accel_x, s.accel_y, s.accel_z);
}

function gyroMagnitudeRms(s: SensorSignals): number {
  return Math.hypot(rms(s.gyro_x), rms(s.gyro_y), rms(s.gyro_z));
}

describe('simulated physics', () => {
  it('puts the vertical acceleration of walking at the step rate, 1.6–2.1 Hz', () => {
    for (const seed of PEOPLE) {
      const f = dominantFrequency(vertical(record('Walking', seed)), 50, 0.3, 6);
      expect(f).toBeGreaterThanOrEqual(1.6);
      expect(f).toBeLessThanOrEqual(2.1);
    }
  });

  it('puts the vertical acceleration of running at the step rate, 2.4–3.1 Hz, with harder impacts', () => {
    for (const seed of PEOPLE) {
      const run = vertical(record('Running', seed));
      expect(dominantFrequency(run, 50, 0.3, 6)).toBeGreaterThanOrEqual(2.4);
      expect(dominantFrequency(run, 50, 0.3, 6)).toBeLessThanOrEqual(3.1);
      expect(peakAbs(run.map((v) => v - mean(run)))).toBeGreaterThan(
        2 * peakAbs(vertical(record('Walking', seed)).map((v, _, a) => v - mean(a))),
      );
    }
  });

  it('rotates the arm at 0.3–1 Hz with peaks above 60 deg/s in most repetitive exercises', () => {
    let inBand = 0;
    let large = 0;
    let count = 0;
    for (const activity of ACTIVITY_GROUPS['Repetitive exercise']) {
      const s = record(activity, 1 + (count % 3), 30);
      const axes = [s.gyro_x, s.gyro_y, s.gyro_z];
      const main = axes.reduce((a, b) => (rms(b) > rms(a) ? b : a));
      const f = dominantFrequency(main, 50, 0.1, 5);
      if (f >= 0.3 && f <= 1) inBand++;
      if (Math.max(...axes.map(peakAbs)) > 60) large++;
      count++;
    }
    expect(inBand / count).toBeGreaterThan(0.85);
    expect(large / count).toBeGreaterThan(0.85);
  });

  it('holds static exercises still but with visible 8–12 Hz tremor', () => {
    for (const activity of ACTIVITY_GROUPS['Static exercise']) {
      for (const seed of [1, 2, 3]) {
        const s = record(activity, seed, 30);
        expect(gyroMagnitudeRms(s)).toBeLessThan(15);
        const tremorShare = bandShare(s.gyro_x, 50, 8, 12, 1) + bandShare(s.gyro_y, 50, 8, 12, 1);
        // White noise alone would put 4/24 of the power above 1 Hz into 8–12 Hz.
        expect(tremorShare / 2).toBeGreaterThan(0.3);
      }
    }
    const table = record('Device on Table', 1, 30);
    expect(bandShare(table.gyro_x, 50, 8, 12, 1)).toBeLessThan(0.25);
  });

  it('moves least of all groups in non-exercise windows', () => {
    const perGroup = new Map<string, number[]>();
    const mix = Object.fromEntries(GROUP_NAMES.map((g) => [g, 1]));
    for (const seed of [1, 2, 3, 4]) {
      const stream = simulateSession(createPerson(seed), { seed, durationS: 900, classMix: mix });
      for (const w of cutWindows(stream)) {
        const values = perGroup.get(w.label) ?? [];
        values.push(gyroMagnitudeRms(w.signals));
        perGroup.set(w.label, values);
      }
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    const nonExercise = median(perGroup.get('Non-exercise')!);
    for (const [label, values] of perGroup) {
      if (label !== 'Non-exercise') expect(median(values), label).toBeGreaterThan(nonExercise);
    }
  });

  it('measures about 1 g of gravity at rest', () => {
    for (const activity of ['Rest', 'Device on Table', 'Non-Exercise']) {
      for (const seed of [1, 2, 3]) {
        const s = record(activity, seed, 20);
        const magnitude = s.accel_x.map((x, i) => Math.hypot(x, s.accel_y[i]!, s.accel_z[i]!));
        expect(Math.abs(mean(magnitude) - 1)).toBeLessThan(0.05);
      }
    }
  });
});
