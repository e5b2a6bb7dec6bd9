import { describe, expect, it } from 'vitest';
import {
  createPerson,
  cutWindows,
  simulateSession,
  TRANSITION,
} from '../../../core/src/simulator/index.js';

const stream = simulateSession(createPerson(4), {
  seed: 2,
  plan: [
    { activity: 'Walk', durationS: 10 },
    { activity: 'Rest', durationS: 10 },
    { activity: 'Tap IMU Device', durationS: 2 },
    { activity: 'Bicep Curl', durationS: 10 },
  ],
});

describe('cutWindows', () => {
  it('labels a window Transition exactly when it spans an activity boundary', () => {
    const boundaries = [500, 1000, 1100];
    const windows = cutWindows(stream, { length: 151, hop: 25 });
    for (const w of windows) {
      const spans = boundaries.some((b) => w.startSample < b && b < w.startSample + 151);
      expect(w.label === TRANSITION).toBe(spans);
    }
    expect(windows.filter((w) => w.label === TRANSITION).length).toBeGreaterThan(10);
  });

  it('labels other windows with the group of their activity', () => {
    const windows = cutWindows(stream, { length: 151, hop: 25 });
    expect(windows[0]!.label).toBe('Walk');
    const rest = windows.find((w) => w.startSample === 600)!;
    expect([rest.label, rest.activity]).toEqual(['Non-exercise', 'Rest']);
    const curl = windows.find((w) => w.startSample === 1200)!;
    expect([curl.label, curl.activity]).toEqual(['Repetitive exercise', 'Bicep Curl']);
  });

  it('names the activities of a transition and the one covering most of it', () => {
    const window = cutWindows(stream, { length: 151, hop: 1 }).find((w) => w.startSample === 960)!;
    expect(window.label).toBe(TRANSITION);
    expect(window.activities).toEqual(['Rest', 'Tap IMU Device', 'Bicep Curl']);
    expect(window.activity).toBe('Tap IMU Device');
  });

  it('cuts whole windows at multiples of the hop, as copies of the stream', () => {
    const windows = cutWindows(stream, { length: 151, hop: 75 });
    expect(windows).toHaveLength(Math.floor((1600 - 151) / 75) + 1);
    const w = windows[3]!;
    expect(w.startSample).toBe(225);
    expect(w.startTimeS).toBe(4.5);
    expect(Array.from(w.signals.gyro_y)).toEqual(
      Array.from(stream.signals.gyro_y.subarray(225, 376)),
    );
    w.signals.gyro_y[0] = 1e9;
    expect(stream.signals.gyro_y[225]).not.toBe(1e9);
  });

  it('defaults to non-overlapping windows of 151 samples and rejects bad options', () => {
    const windows = cutWindows(stream);
    expect(windows.map((w) => w.startSample).slice(0, 3)).toEqual([0, 151, 302]);
    expect(windows.every((w) => w.signals.accel_x.length === 151)).toBe(true);
    expect(() => cutWindows(stream, { hop: 0 })).toThrow(/cutWindows requires integer length/);
    expect(() => cutWindows(stream, { length: 1.5 })).toThrow(/cutWindows requires integer length/);
  });
});
