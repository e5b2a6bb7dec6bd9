import { describe, expect, it } from 'vitest';
import { baselineEffect } from '../../../sender/src/scenarios/scenario-effect.js';
import type { SimulatedWindow } from '../../../sender/src/simulator/index.js';
import {
  DeviceStream,
  FRESH_EVERY,
  MAX_POOL_SESSIONS as POOL_SIZE,
  poolSizeFor,
} from '../../../sender/src/traffic/device-stream.js';

const LENGTH = 151;

/** The windows of the device's sessions, split where a session starts again at sample 0. */
function sessions(stream: DeviceStream, count: number): SimulatedWindow[][] {
  const out: SimulatedWindow[][] = [[]];
  const effect = baselineEffect();
  while (out.length <= count) {
    const w = stream.nextWindow(effect);
    if (w.startSample === 0 && out.at(-1)!.length > 0) out.push([]);
    out.at(-1)!.push(w);
  }
  return out.slice(0, count);
}

describe('DeviceStream', () => {
  it('streams consecutive windows of one session', () => {
    const [first, second] = sessions(new DeviceStream(1, 3, 10, LENGTH), 2);
    for (const session of [first!, second!]) {
      for (let i = 1; i < session.length; i++) {
        expect(session[i]!.startSample).toBe(session[i - 1]!.startSample + LENGTH);
      }
    }
    expect(second![0]!.startSample).toBe(0);
  });

  it('repeats the same windows for the same seed', () => {
    const a = sessions(new DeviceStream(7, 2, 10, LENGTH), 2).flat();
    const b = sessions(new DeviceStream(7, 2, 10, LENGTH), 2).flat();
    expect(b.map((w) => [...w.signals.accel_x])).toEqual(a.map((w) => [...w.signals.accel_x]));
    const other = sessions(new DeviceStream(8, 2, 10, LENGTH), 1).flat();
    expect([...other[0]!.signals.accel_x]).not.toEqual([...a[0]!.signals.accel_x]);
  });

  it('cycles through its pool and brings in a fresh session every FRESH_EVERY-th', () => {
    const all = sessions(new DeviceStream(1, 0, 10, LENGTH), FRESH_EVERY + POOL_SIZE);
    const firstSignals = (k: number) => all[k]![0]!.signals;
    for (let k = 0; k < POOL_SIZE; k++) {
      for (let j = k + 1; j < POOL_SIZE; j++) expect(firstSignals(j)).not.toBe(firstSignals(k));
    }
    for (let k = POOL_SIZE; k < FRESH_EVERY; k++) {
      expect(firstSignals(k)).toBe(firstSignals(k % POOL_SIZE));
    }
    const fresh = firstSignals(FRESH_EVERY);
    for (let k = 0; k < POOL_SIZE; k++) expect(fresh).not.toEqual(firstSignals(k));
    // The fresh session replaced the oldest; the others stay in the cycle.
    expect(firstSignals(FRESH_EVERY + 1)).toBe(firstSignals(1));
    expect(firstSignals(FRESH_EVERY + POOL_SIZE - 1)).toBe(firstSignals(POOL_SIZE - 1));
  });

  it('keeps fewer sessions per device when there are many devices', () => {
    expect(poolSizeFor(20)).toBe(POOL_SIZE);
    expect(poolSizeFor(50)).toBe(2);
    expect(poolSizeFor(1000)).toBe(1);
    const all = sessions(new DeviceStream(1, 0, 1000, LENGTH), 3);
    expect(all[2]![0]!.signals).toBe(all[1]![0]!.signals);
  });

  it('replays a pooled session under a lasting drift without simulating it again', () => {
    const biased = baselineEffect();
    biased.sensor.gyroBiasDps = [25, -20, 30];
    const stream = new DeviceStream(5, 0, 10, LENGTH);
    const seen = new Map<number, SimulatedWindow>();
    let sessionStarts = 0;
    while (sessionStarts < POOL_SIZE * 2 + 1) {
      const w = stream.nextWindow(biased);
      if (w.startSample === 0) sessionStarts++;
      if (w.startSample === 0 && sessionStarts > POOL_SIZE) {
        const k = (sessionStarts - 1) % POOL_SIZE;
        if (seen.has(k)) expect(w.signals).toBe(seen.get(k)!.signals);
        seen.set(k, w);
      }
    }
    expect(seen.size).toBe(POOL_SIZE);
  });

  it('applies a drift effect from the window it starts at, to the same motion', () => {
    const plain = new DeviceStream(3, 1, 10, LENGTH);
    const drifted = new DeviceStream(3, 1, 10, LENGTH);
    const baseline = baselineEffect();
    const biased = baselineEffect();
    biased.sensor.accelBiasG = [0.35, -0.25, 0.3];
    for (let i = 0; i < 5; i++) {
      expect(drifted.nextWindow(baseline).signals).toEqual(plain.nextWindow(baseline).signals);
    }
    for (let i = 0; i < 80; i++) {
      const a = plain.nextWindow(baseline);
      const b = drifted.nextWindow(biased);
      expect(b.startSample).toBe(a.startSample);
      expect(b.activity).toBe(a.activity);
      const shift = b.signals.accel_y.reduce((s, v, j) => s + v - a.signals.accel_y[j]!, 0);
      expect(shift / LENGTH).toBeCloseTo(-0.25, 1);
    }
  });

  it('plays the sessions prepared ahead, the same ones it would simulate on demand', () => {
    const prepared = new DeviceStream(4, 2, 10, LENGTH);
    const ahead = [0, 1, 2, 3].map((k) => prepared.prepare(k));
    const played = sessions(prepared, POOL_SIZE + 1);
    const onDemand = sessions(new DeviceStream(4, 2, 10, LENGTH), POOL_SIZE + 1);
    // Session 0 is joined mid-way; sessions 1…3 are played from their start.
    expect(played[0]![0]).toBe(ahead[0]!.at(-played[0]!.length));
    for (let k = 1; k < POOL_SIZE; k++) expect(played[k]![0]).toBe(ahead[k]![0]);
    expect(played[POOL_SIZE]![0]).toBe(ahead[0]![0]);
    expect(played.flat().map((w) => w.signals)).toEqual(onDemand.flat().map((w) => w.signals));
  });

  it('counts the pool sessions a number of windows reaches', () => {
    const stream = new DeviceStream(1, 0, 10, LENGTH);
    // Device 0 joins its first session at window 0; a session holds 49 windows of 151 samples.
    expect(stream.warmUpSessions(0)).toBe(0);
    expect(stream.warmUpSessions(1)).toBe(1);
    expect(stream.warmUpSessions(49)).toBe(1);
    expect(stream.warmUpSessions(50)).toBe(2);
    expect(stream.warmUpSessions(10_000)).toBe(POOL_SIZE);
    expect(stream.warmUpSessions()).toBe(POOL_SIZE);
    expect(new DeviceStream(1, 0, 1000, LENGTH).warmUpSessions()).toBe(1);
  });

  it('plays a drifted session simulated ahead without simulating it again', () => {
    const biased = baselineEffect();
    biased.sensor.accelBiasG = [0.35, -0.25, 0.3];
    const stream = new DeviceStream(6, 1, 10, LENGTH);
    expect(stream.prepareEffect(biased)).toBeUndefined();
    stream.nextWindow(baselineEffect());
    const ahead = stream.prepareEffect(biased)!;
    const simulations = stream.simulations;
    const next = stream.nextWindow(biased);
    expect(ahead).toContain(next);
    expect(stream.simulations).toBe(simulations);
  });

  it('measures the steps of a ramp from one motion, as fresh simulations would', () => {
    const step = (g: number) => {
      const effect = baselineEffect();
      effect.sensor.accelBiasG = [g, 0, 0];
      return effect;
    };
    const ramped = new DeviceStream(8, 2, 10, LENGTH);
    ramped.nextWindow(baselineEffect());
    ramped.nextWindow(step(0.1));
    const stepped = ramped.nextWindow(step(0.2));
    const fresh = new DeviceStream(8, 2, 10, LENGTH);
    fresh.nextWindow(baselineEffect());
    fresh.nextWindow(baselineEffect());
    expect(fresh.nextWindow(step(0.2)).signals).toEqual(stepped.signals);
    // Three sessions simulated, the forearm moved twice: the second step reused the first's motion.
    expect(ramped.simulations).toBe(3);
    expect(ramped.motions).toBe(2);
  });
});
