import { describe, expect, it } from 'vitest';
import {
  createPerson,
  measureSession,
  SENSOR_SIGNALS,
  simulateMotion,
  simulateSession,
} from '../../../core/src/simulator/index.js';
import { signalsDigest } from '../../helpers/signal-digest.js';

describe('simulateSession', () => {
  it('gives byte-identical signals and segments for the same person and seed', () => {
    const a = simulateSession(createPerson(11), { seed: 5, durationS: 120 });
    const b = simulateSession(createPerson(11), { seed: 5, durationS: 120 });
    expect(signalsDigest(a.signals)).toEqual(signalsDigest(b.signals));
    expect(a.segments).toEqual(b.segments);
  });

  it('is the sensor stage measuring the motion stage, for any sensor drift of one motion', () => {
    const person = createPerson(11);
    const options = { seed: 5, durationS: 60, drift: { tempoScale: 1.2 } };
    const motion = simulateMotion(person, options);
    const drifts = [
      { tempoScale: 1.2 },
      { tempoScale: 1.2, accelBiasG: [0.3, 0, -0.1] as const, extraGyroNoiseDps: 4 },
      {
        tempoScale: 1.2,
        rotation: { yawDeg: 20, pitchDeg: 0, rollDeg: 5 },
        deviceSampleRateHz: 25,
      },
    ];
    for (const drift of drifts) {
      const measured = measureSession(person, motion, drift);
      expect(signalsDigest(measured.signals)).toEqual(
        signalsDigest(simulateSession(person, { ...options, drift }).signals),
      );
      expect(measured.segments).toEqual(motion.segments);
    }
    // Measuring leaves the motion as it was.
    expect(signalsDigest(measureSession(person, motion, drifts[0]).signals)).toEqual(
      signalsDigest(simulateSession(person, options).signals),
    );
  });

  it('simulates the needed samples exactly as a whole simulation does, and only those', () => {
    // The 25 Hz device filter reads 20 samples either side: the hardest case for a partial render.
    const needed = [
      [400, 551],
      [1585, 3000],
    ] as const;
    const drifts = [
      undefined,
      { deviceSampleRateHz: 25 },
      { tempoScale: 1.35 },
      { accelGain: 1.6, gyroBiasDps: [2, 0, -1] as const, extraGyroNoiseDps: 3 },
      { extraAccelNoiseG: 0.05, deviceSampleRateHz: 20, wrongArm: true },
      { rotation: { yawDeg: 20, pitchDeg: 0, rollDeg: 5 } },
    ];
    for (const drift of drifts) {
      const options = { seed: 8, durationS: 60, drift };
      const whole = simulateSession(createPerson(12), options);
      const part = simulateSession(createPerson(12), { ...options, neededSamples: needed });
      for (const name of SENSOR_SIGNALS) {
        for (const [from, to] of needed) {
          expect(part.signals[name].subarray(from, to)).toEqual(
            whole.signals[name].subarray(from, to),
          );
        }
      }
      // Far from every needed range nothing was rendered: only the sensor's noise is there.
      const far = simulateMotion(createPerson(12), { ...options, neededSamples: needed });
      expect(far.forearm.rate[0].subarray(0, 300).every((v) => v === 0)).toBe(true);
      expect(far.forearm.rate[0].subarray(400, 551).some((v) => v !== 0)).toBe(true);
    }
  });

  it('gives different signals for another session seed or another person', () => {
    const base = simulateSession(createPerson(11), { seed: 5, durationS: 60 });
    const otherSeed = simulateSession(createPerson(11), { seed: 6, durationS: 60 });
    const otherPerson = simulateSession(createPerson(12), { seed: 5, durationS: 60 });
    expect(signalsDigest(otherSeed.signals)).not.toEqual(signalsDigest(base.signals));
    expect(signalsDigest(otherPerson.signals)).not.toEqual(signalsDigest(base.signals));
  });

  it('plans a session of exactly the requested length at 50 Hz', () => {
    const stream = simulateSession(createPerson(3), { seed: 9, durationS: 300 });
    expect(stream.sampleRateHz).toBe(50);
    expect(stream.segmentOfSample).toHaveLength(15_000);
    for (const name of SENSOR_SIGNALS) {
      expect(stream.signals[name]).toHaveLength(15_000);
      expect(stream.signals[name].every(Number.isFinite)).toBe(true);
    }
    expect(stream.segments[0]!.startSample).toBe(0);
    expect(stream.segments.at(-1)!.endSample).toBe(15_000);
  });

  it('follows an explicit plan and records the activity of every sample', () => {
    const stream = simulateSession(createPerson(3), {
      seed: 1,
      plan: [
        { activity: 'Walk', durationS: 4 },
        { activity: 'Plank', durationS: 2.5 },
      ],
    });
    expect(stream.segments.map((s) => [s.activity, s.group, s.startSample, s.endSample])).toEqual([
      ['Walk', 'Walk', 0, 200],
      ['Plank', 'Static exercise', 200, 325],
    ]);
    expect(stream.segmentOfSample[199]).toBe(0);
    expect(stream.segmentOfSample[200]).toBe(1);
  });

  it('rejects unknown activities and non-positive durations, naming the function', () => {
    const person = createPerson(1);
    expect(() =>
      simulateSession(person, { seed: 1, plan: [{ activity: 'Juggling', durationS: 5 }] }),
    ).toThrow(/requires a known activity/);
    expect(() =>
      simulateSession(person, { seed: 1, plan: [{ activity: 'Walk', durationS: 0 }] }),
    ).toThrow(/simulateSession requires positive finite durations/);
    expect(() => simulateSession(person, { seed: 1, durationS: 0.5 })).toThrow(
      /planSession requires durationS/,
    );
  });
});
