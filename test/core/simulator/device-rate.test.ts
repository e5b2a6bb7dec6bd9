import { describe, expect, it } from 'vitest';
import { simulateDeviceRate } from '../../../core/src/simulator/device-rate.js';
import { createPerson, simulateSession } from '../../../core/src/simulator/index.js';
import { bandShare, rms } from './signal-measures.js';

function sine(hz: number, samples = 1000): Float64Array {
  return Float64Array.from({ length: samples }, (_, i) => Math.sin((2 * Math.PI * hz * i) / 50));
}

describe('device sample rate', () => {
  it('removes a 16 Hz component and keeps a 3 Hz one at 25 Hz', () => {
    const middle = (x: Float64Array) => x.subarray(100, 900);
    expect(rms(middle(simulateDeviceRate(sine(16), 50, 25)))).toBeLessThan(0.02 * rms(sine(16)));
    expect(rms(middle(simulateDeviceRate(sine(3), 50, 25)))).toBeGreaterThan(0.9 * rms(sine(3)));
  });

  it('leaves only faint interpolation images above 12.5 Hz in a simulated recording', () => {
    // A device at rest measures white noise: at 50 Hz, 10/24 of its power above 1 Hz is in 15–25 Hz.
    const plan = [{ activity: 'Device on Table', durationS: 30 }];
    const person = createPerson(5);
    const native = simulateSession(person, { seed: 3, plan }).signals;
    const slow = simulateSession(person, {
      seed: 3,
      plan,
      drift: { deviceSampleRateHz: 25 },
    }).signals;
    const high = (x: Float64Array) => bandShare(x, 50, 15, 25, 1);
    for (const name of ['accel_z', 'gyro_x'] as const) {
      expect(high(native[name])).toBeGreaterThan(0.3);
      expect(high(slow[name])).toBeLessThan(high(native[name]) / 6);
    }
  });

  it('returns a copy at the native rate and rejects faster devices', () => {
    const x = sine(5, 100);
    const same = simulateDeviceRate(x, 50, 50);
    expect(Array.from(same)).toEqual(Array.from(x));
    expect(same).not.toBe(x);
    expect(() => simulateDeviceRate(x, 50, 60)).toThrow(/simulateDeviceRate requires/);
  });
});
