import { describe, expect, it } from 'vitest';
import {
  createPerson,
  type Person,
  resolveDrift,
  type SensorDriftInput,
  type SensorSignals,
  simulateSession,
} from '../../../core/src/simulator/index.js';
import { alongMean, correlation, dominantFrequency, mean, rms } from './signal-measures.js';

const person = createPerson(21);

function record(
  activity: string,
  drift: SensorDriftInput = {},
  who: Person = person,
  durationS = 30,
): SensorSignals {
  return simulateSession(who, { seed: 8, plan: [{ activity, durationS }], drift }).signals;
}

describe('drift knobs', () => {
  it('shift the mean of each axis by the bias', () => {
    const base = record('Bicep Curl');
    const biased = record('Bicep Curl', { accelBiasG: [0.1, -0.2, 0.05], gyroBiasDps: [3, 0, -4] });
    const shifts = (['accel_x', 'accel_y', 'accel_z', 'gyro_x', 'gyro_y', 'gyro_z'] as const).map(
      (name) => mean(biased[name]) - mean(base[name]),
    );
    for (const [i, bias] of [0.1, -0.2, 0.05, 3, 0, -4].entries())
      expect(shifts[i]).toBeCloseTo(bias, 9);
  });

  it('scale each axis by the gain', () => {
    const base = record('Walking');
    const gained = record('Walking', { accelGain: [1.2, 1, 0.8], gyroGain: 1.1 });
    expect(rms(gained.accel_x) / rms(base.accel_x)).toBeCloseTo(1.2, 9);
    expect(rms(gained.accel_y) / rms(base.accel_y)).toBeCloseTo(1, 9);
    expect(mean(gained.accel_z) / mean(base.accel_z)).toBeCloseTo(0.8, 9);
    expect(rms(gained.gyro_y) / rms(base.gyro_y)).toBeCloseTo(1.1, 9);
  });

  it('rotate the measured gravity and rotation rates with the sensor', () => {
    const unbiased: Person = { ...person, accelBiasG: [0, 0, 0], gyroBiasDps: [0, 0, 0] };
    const base = record('Plank', {}, unbiased);
    // Turned 90° about its z axis: the new x axis is the old y axis, the new y the old −x.
    const turned = record('Plank', { rotation: { yawDeg: 90, pitchDeg: 0, rollDeg: 0 } }, unbiased);
    expect(mean(turned.accel_x)).toBeCloseTo(mean(base.accel_y), 3);
    expect(mean(turned.accel_y)).toBeCloseTo(-mean(base.accel_x), 3);
    expect(mean(turned.accel_z)).toBeCloseTo(mean(base.accel_z), 3);
    expect(correlation(turned.gyro_x, base.gyro_y)).toBeGreaterThan(0.95);
    const asMatrix = record('Plank', { rotation: [0, -1, 0, 1, 0, 0, 0, 0, 1] }, unbiased);
    const gap = asMatrix.accel_x.reduce(
      (m, v, i) => Math.max(m, Math.abs(v - turned.accel_x[i]!)),
      0,
    );
    expect(gap).toBeLessThan(1e-12);
  });

  it('mirror the lateral axis when the sensor is worn on the left forearm', () => {
    const right = record('Walking');
    const left = record('Walking', { wrongArm: true });
    expect(correlation(left.accel_y, right.accel_y)).toBeLessThan(-0.95);
    expect(correlation(left.accel_x, right.accel_x)).toBeGreaterThan(0.95);
    expect(correlation(left.gyro_x, right.gyro_x)).toBeLessThan(-0.95);
    expect(correlation(left.gyro_y, right.gyro_y)).toBeGreaterThan(0.95);
  });

  it('show the other arm of one-arm exercises when the sensor is on the left', () => {
    const gyroRms = (s: SensorSignals) => Math.hypot(rms(s.gyro_x), rms(s.gyro_y), rms(s.gyro_z));
    const rightArm = 'Dumbbell Row (knee on bench) (right arm)';
    const leftArm = 'Dumbbell Row (knee on bench) (left arm)';
    expect(gyroRms(record(rightArm, { wrongArm: true }))).toBeLessThan(
      0.5 * gyroRms(record(rightArm)),
    );
    expect(gyroRms(record(leftArm, { wrongArm: true }))).toBeGreaterThan(
      2 * gyroRms(record(leftArm)),
    );
  });

  it('shift the dominant frequency by the tempo scale', () => {
    const vertical = (s: SensorSignals) => alongMean(s.accel_x, s.accel_y, s.accel_z);
    const walk = dominantFrequency(vertical(record('Walking', {}, person, 40)), 50, 0.5, 6, 0.01);
    const brisk = dominantFrequency(
      vertical(record('Walking', { tempoScale: 1.2 }, person, 40)),
      50,
      0.5,
      6,
      0.01,
    );
    expect(brisk / walk).toBeGreaterThan(1.15);
    expect(brisk / walk).toBeLessThan(1.25);
  });

  it('add the extra noise in quadrature', () => {
    const still = record('Device on Table');
    const noisy = record('Device on Table', { extraAccelNoiseG: 0.05, extraGyroNoiseDps: 3 });
    expect(rms(noisy.accel_z)).toBeCloseTo(Math.hypot(rms(still.accel_z), 0.05), 2);
    expect(rms(noisy.gyro_x)).toBeCloseTo(Math.hypot(rms(still.gyro_x), 3), 1);
  });

  it('are validated, each error naming the knob', () => {
    expect(resolveDrift().deviceSampleRateHz).toBe(50);
    expect(() => resolveDrift({ tempoScale: 0 })).toThrow(/tempoScale/);
    expect(() => resolveDrift({ extraGyroNoiseDps: -1 })).toThrow(/extraGyroNoiseDps/);
    expect(() => resolveDrift({ deviceSampleRateHz: 60 })).toThrow(/deviceSampleRateHz ≤ 50/);
    expect(() => resolveDrift({ rotation: [1, 0, 0, 0, 1, 0, 0, 0, -1] })).toThrow(
      /determinant \+1/,
    );
    expect(() => resolveDrift({ accelBiasG: [0, Number.NaN, 0] })).toThrow(/accelBiasG/);
  });
});
