import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../sender/src/scenarios/scenario-schedule.js';
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
