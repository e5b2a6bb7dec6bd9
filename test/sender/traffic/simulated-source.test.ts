import { describe, expect, it } from 'vitest';
import { effectAt, parseScenario } from '../../../sender/src/scenarios/scenario-schedule.js';
import { wearerSessionSeeds } from '../../../sender/src/traffic/device-stream.js';
import { WINDOW_PERIOD_S } from '../../../sender/src/traffic/outgoing-window.js';
import {
  preparePopulation,
  simulatedPopulation,
  simulatedSource,
} from '../../../sender/src/traffic/simulated-source.js';
import { signalsDigest } from '../../helpers/signal-digest.js';

describe('preparePopulation', () => {
  it('simulates the first session of each device a run reaches, and no more', async () => {
    expect(await preparePopulation(simulatedPopulation(1, 3), { windows: 3, scenarios: [] })).toBe(
      3,
    );
    // One window: only device 0 sends anything.
    expect(await preparePopulation(simulatedPopulation(1, 3), { windows: 1, scenarios: [] })).toBe(
      1,
    );
    // Later sessions are simulated when they start, however long the run.
    expect(await preparePopulation(simulatedPopulation(1, 1), { windows: 98, scenarios: [] })).toBe(
      1,
    );
  });

  it('prepares every device for a run without an end, reporting each session', async () => {
    const progress: [number, number][] = [];
    const done = await preparePopulation(simulatedPopulation(1, 5), {
      windows: undefined,
      scenarios: [],
      onProgress: (n, total) => progress.push([n, total]),
    });
    expect(done).toBe(5);
    expect(progress).toHaveLength(done);
    expect(progress.at(-1)).toEqual([done, done]);
  });

  it('prepares nothing when a scenario is in force from the first window', async () => {
    const biased = [parseScenario('sensor-bias')];
    expect(
      await preparePopulation(simulatedPopulation(1, 2), { windows: 50, scenarios: biased }),
    ).toBe(0);
    const later = [parseScenario('sensor-bias@100')];
    expect(
      await preparePopulation(simulatedPopulation(1, 2), { windows: 50, scenarios: later }),
    ).toBe(2);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const done = await preparePopulation(simulatedPopulation(1, 5), {
      windows: undefined,
      scenarios: [],
      signal: controller.signal,
      onProgress: (n) => {
        if (n === 3) controller.abort();
      },
    });
    expect(done).toBe(3);
  });

  it('leaves the windows of the run unchanged', async () => {
    const windows = (prepare: boolean) => async () => {
      const population = simulatedPopulation(9, 3);
      if (prepare) await preparePopulation(population, { windows: 200, scenarios: [] });
      const source = simulatedSource({
        seed: 9,
        population,
        scenarios: [],
        runId: 'r',
        startMs: 0,
      });
      return Array.from({ length: 200 }, () => source.next()!);
    };
    const [plain, prepared] = await Promise.all([windows(false)(), windows(true)()]);
    expect(prepared.map((w) => signalsDigest(w.signals))).toEqual(
      plain.map((w) => signalsDigest(w.signals)),
    );
    expect(prepared.map((w) => [w.windowId, w.timestamp, w.label])).toEqual(
      plain.map((w) => [w.windowId, w.timestamp, w.label]),
    );
  });
});

describe('simulatedSource', () => {
  const DEVICES = 10;
  const ONSET = 200;
  const scenarios = [parseScenario(`sensor-bias@${ONSET}w`)];
  const source = (population = simulatedPopulation(3, DEVICES)) =>
    simulatedSource({ seed: 3, population, scenarios, runId: 'r', startMs: 0 });

  it('simulates the devices’ sessions under a coming scenario before it starts', () => {
    const population = simulatedPopulation(3, DEVICES);
    const windows = source(population);
    const total = () => population.reduce((sum, device) => sum + device.simulations, 0);
    for (let n = 0; n < ONSET; n++) windows.next();
    const beforeOnset = total();
    for (let n = 0; n < DEVICES; n++) expect(windows.next()!.active).toEqual(['sensor-bias']);
    // At most a device whose session ends right at the onset has to simulate then.
    expect(total() - beforeOnset).toBeLessThanOrEqual(1);
  });

  it('sends the same windows as devices that only simulate when a scenario starts', () => {
    const population = simulatedPopulation(3, DEVICES);
    const expected = Array.from({ length: ONSET + 3 * DEVICES }, (_, n) => {
      const { effect } = effectAt(scenarios, {
        index: n,
        seconds: ((n + 1) * WINDOW_PERIOD_S) / DEVICES,
      });
      return population[n % DEVICES]!.nextWindow(effect).signals;
    });
    const windows = source();
    expect(expected.map(() => signalsDigest(windows.next()!.signals))).toEqual(
      expected.map(signalsDigest),
    );
  });
});

describe('simulated traffic over time', () => {
  it('never sends the same window twice, nor two devices the same session', () => {
    const devices = 20;
    const population = simulatedPopulation(11, devices);
    const source = simulatedSource({ seed: 11, population, scenarios: [], runId: 'r', startMs: 0 });
    const windows = new Set<string>();
    const sessions = new Map<string, string>();
    // Three sessions per device: every device moves on to new wearers at least twice.
    for (let n = 0; n < devices * 49 * 3; n++) {
      const w = source.next()!;
      const { buffer, byteOffset, byteLength } = w.signals.accel_x;
      const key = Buffer.from(buffer, byteOffset, byteLength).toString('base64');
      expect(windows.has(key)).toBe(false);
      windows.add(key);
      const slot = w.windowId.split('-')[1]!;
      expect(sessions.get(w.deviceId) ?? slot).toBe(slot);
      sessions.set(w.deviceId, slot);
    }
    expect(sessions.size).toBeGreaterThanOrEqual(devices * 3);
  });

  it('draws a distinct wearer and session for every device and session of a day', () => {
    // A day at 1000 devices: 1000 places × 573 sessions of 150 s.
    // Each pair as one 64-bit number, sorted: a repeated pair would sit next to itself.
    const pairs = new BigUint64Array(1000 * 573);
    let at = 0;
    for (let index = 0; index < 1000; index++) {
      for (let number = 0; number < 573; number++) {
        const { personSeed, sessionSeed } = wearerSessionSeeds(5, index, number);
        pairs[at++] = (BigInt(personSeed) << 32n) | BigInt(sessionSeed);
      }
    }
    pairs.sort();
    const repeated = pairs.filter((pair, k) => k > 0 && pair === pairs[k - 1]!);
    expect(repeated.length).toBe(0);
  });
});

describe('simulated traffic, wanted windows only', () => {
  it('gives the wanted windows exactly as a whole run does', () => {
    const devices = 6;
    const wanted = (n: number) => n % 7 === 0 || (n >= 300 && n < 320);
    const scenarios = [parseScenario('sensor-bias@150w')];
    const open = (population: ReturnType<typeof simulatedPopulation>) =>
      simulatedSource({ seed: 2, population, scenarios, runId: 'r', startMs: 0 });
    const all = simulatedPopulation(2, devices);
    const some = simulatedPopulation(2, devices, wanted);
    const whole = open(all);
    const part = open(some);
    for (let n = 0; n < 400; n++) {
      const [a, b] = [whole.next()!, part.next()!];
      expect(b.windowId).toBe(a.windowId);
      if (wanted(n)) expect(signalsDigest(b.signals)).toBe(signalsDigest(a.signals));
    }
  });
});
