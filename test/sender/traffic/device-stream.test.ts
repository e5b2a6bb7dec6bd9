import { describe, expect, it } from 'vitest';
import { baselineEffect } from '../../../sender/src/scenarios/scenario-effect.js';
import type { SimulatedWindow } from '../../../core/src/simulator/index.js';
import { DeviceStream } from '../../../sender/src/traffic/device-stream.js';
import { signalsDigest } from '../../helpers/signal-digest.js';

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
    expect(b.map((w) => signalsDigest(w.signals))).toEqual(a.map((w) => signalsDigest(w.signals)));
    const other = sessions(new DeviceStream(8, 2, 10, LENGTH), 1).flat();
    expect(signalsDigest(other[0]!.signals)).not.toBe(signalsDigest(a[0]!.signals));
  });

  it('plays a new wearer on a new device in every session', () => {
    const stream = new DeviceStream(1, 4, 10, LENGTH);
    const seen: { device: string; person: string; first: number }[] = [];
    const effect = baselineEffect();
    for (let n = 0; n < 49 * 5; n++) {
      const w = stream.nextWindow(effect);
      if (seen.at(-1)?.device !== stream.deviceId) {
        seen.push({
          device: stream.deviceId!,
          person: stream.person!.id,
          first: w.signals.accel_x[0]!,
        });
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen.map((s) => s.device)).size).toBe(seen.length);
    expect(new Set(seen.map((s) => s.person)).size).toBe(seen.length);
    expect(new Set(seen.map((s) => s.first)).size).toBe(seen.length);
    expect(seen[0]!.device).toBe('device-4-0');
  });

  it('simulates every session once under a lasting drift', () => {
    const biased = baselineEffect();
    biased.sensor.gyroBiasDps = [25, -20, 30];
    const stream = new DeviceStream(5, 0, 10, LENGTH);
    let starts = 0;
    while (starts < 4) if (stream.nextWindow(biased).startSample === 0) starts++;
    // The joined session and three more, each simulated once.
    expect(stream.simulations).toBe(4);
  });

  it('applies a drift effect from the window it starts at, to the same motion', () => {
    const plain = new DeviceStream(3, 1, 10, LENGTH);
    const drifted = new DeviceStream(3, 1, 10, LENGTH);
    const baseline = baselineEffect();
    const biased = baselineEffect();
    biased.sensor.accelBiasG = [0.35, -0.25, 0.3];
    for (let i = 0; i < 5; i++) {
      expect(signalsDigest(drifted.nextWindow(baseline).signals)).toBe(
        signalsDigest(plain.nextWindow(baseline).signals),
      );
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

  it('plays the first session prepared ahead, the same one it would simulate on demand', () => {
    const prepared = new DeviceStream(4, 2, 10, LENGTH);
    const ahead = prepared.prepare();
    const played = sessions(prepared, 3);
    const onDemandStream = new DeviceStream(4, 2, 10, LENGTH);
    const onDemand = sessions(onDemandStream, 3);
    // Session 0 is joined mid-way, at the window the device's phase gives.
    expect(played[0]![0]).toBe(ahead.at(-played[0]!.length));
    expect(played[1]![0]).not.toBe(ahead[0]);
    const digests = (windows: typeof played) => windows.flat().map((w) => signalsDigest(w.signals));
    expect(digests(played)).toEqual(digests(onDemand));
    // Preparing moved the first session's simulation ahead; it did not add one.
    expect(prepared.simulations).toBe(onDemandStream.simulations);
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

  it('measures a sensor drift from the kept baseline motion, as a fresh simulation would', () => {
    const biased = baselineEffect();
    biased.sensor.accelBiasG = [0.35, -0.25, 0.3];
    const keeping = new DeviceStream(7, 1, 10, LENGTH);
    keeping.keepBaselineMotion = true;
    const plain = new DeviceStream(7, 1, 10, LENGTH);
    for (const stream of [keeping, plain]) {
      stream.nextWindow(baselineEffect());
      stream.nextWindow(baselineEffect());
    }
    expect(signalsDigest(keeping.nextWindow(biased).signals)).toBe(
      signalsDigest(plain.nextWindow(biased).signals),
    );
    // The baseline's forearm motion served the drift too; without keeping it, it moved again.
    expect(keeping.motions).toBe(1);
    expect(plain.motions).toBe(2);
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
    expect(signalsDigest(fresh.nextWindow(step(0.2)).signals)).toBe(signalsDigest(stepped.signals));
    // Three sessions simulated, the forearm moved twice: the second step reused the first's motion.
    expect(ramped.simulations).toBe(3);
    expect(ramped.motions).toBe(2);
  });
});
