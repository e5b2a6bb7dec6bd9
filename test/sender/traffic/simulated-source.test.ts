import { describe, expect, it } from 'vitest';
import { effectAt, parseScenario } from '../../../sender/src/scenarios/scenario-schedule.js';
import { WINDOW_PERIOD_S } from '../../../sender/src/traffic/outgoing-window.js';
import { MAX_POOL_SESSIONS } from '../../../sender/src/traffic/device-stream.js';
import {
  preparePopulation,
  simulatedPopulation,
  simulatedSource,
} from '../../../sender/src/traffic/simulated-source.js';

describe('preparePopulation', () => {
  it('simulates the sessions a run of a given length reaches, and no more', async () => {
    // Three devices and three windows: one window, hence one session, per device.
    expect(await preparePopulation(simulatedPopulation(1, 3), { windows: 3, scenarios: [] })).toBe(
      3,
    );
    // One window: only device 0 sends anything.
    expect(await preparePopulation(simulatedPopulation(1, 3), { windows: 1, scenarios: [] })).toBe(
      1,
    );
    // 2 × 49 windows for device 0 of one: two whole sessions.
    expect(await preparePopulation(simulatedPopulation(1, 1), { windows: 98, scenarios: [] })).toBe(
      2,
    );
  });

  it('fills every pool for a run without an end, reporting each session', async () => {
    const progress: [number, number][] = [];
    const done = await preparePopulation(simulatedPopulation(1, 2), {
      windows: undefined,
      scenarios: [],
      onProgress: (n, total) => progress.push([n, total]),
    });
    expect(done).toBe(2 * MAX_POOL_SESSIONS);
    expect(progress).toHaveLength(done);
    expect(progress.at(-1)).toEqual([done, done]);
  });

  it('prepares nothing when a scenario is in force from the first window', async () => {
    const biased = [parseScenario('sensor-bias')];
    expect(
      await preparePopulation(simulatedPopulation(1, 2), { windows: 50, scenarios: biased }),
    ).toBe(0);
    // 25 windows each; device 1 joins its session 30 windows in and so reaches a second one.
    const later = [parseScenario('sensor-bias@100')];
    expect(
      await preparePopulation(simulatedPopulation(1, 2), { windows: 50, scenarios: later }),
    ).toBe(3);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const done = await preparePopulation(simulatedPopulation(1, 4), {
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
    expect(prepared.map((w) => w.signals)).toEqual(plain.map((w) => w.signals));
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
    expect(expected.map(() => windows.next()!.signals)).toEqual(expected);
  });
});
