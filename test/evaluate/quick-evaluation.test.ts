/**
 * A short evaluation in process: outcomes any correct engine must give, whatever the machine,
 * and the runs' exactness. The full tables come from `npm run evaluate`.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRunContext } from './run-context.js';
import { quickSpec as spec } from './quick-run-spec.js';
import type { RunResult } from './run-spec.js';
import { type RunContext, simulateRun } from './simulate-run.js';

let context: RunContext;
beforeAll(async () => {
  context = await loadRunContext(join(import.meta.dirname, '../..'));
});

/** The drift-free run at 200 devices, shared by the alert check and the exactness check. */
const DRIFT_FREE = spec('none', 200, 100, null);
let driftFree: Promise<RunResult> | undefined;
const driftFreeRun = () => {
  driftFree ??= simulateRun(DRIFT_FREE, context);
  return driftFree;
};

// Fleets and spans are small but still turn the 500-event window over within a few reports and
// give every 1m `for:` a chance to fire: at 60 devices two fifths of the window are new at each
// 10 s report, at 200 devices all of it.
describe('quick evaluation', () => {
  it.each(['sensor-bias', 'noise'])('catches %s at 60 devices within 100 s', async (scenario) => {
    // Watched for exactly 100 s after the onset: a later detection is no detection.
    const result = await simulateRun(spec(scenario, 60, 130, 30), context);
    const dataset = result.alerts.DatasetDriftDetected!;
    expect(dataset.falseFirings).toBe(0);
    expect(dataset.firstFiringAfterOnsetS).not.toBeNull();
    expect(dataset.firstFiringAfterOnsetS!).toBeLessThanOrEqual(100);
    expect(result.timeline.at(-1)!.driftedFeatures).toBeGreaterThan(32);
  });

  it('fires no alert under drift-free traffic at 200 devices', async () => {
    const result = await driftFreeRun();
    expect(result.reports).toBe(10);
    for (const [name, alert] of Object.entries(result.alerts)) {
      expect({ name, firings: alert.falseFirings }).toEqual({ name, firings: 0 });
    }
  });

  it('gives the same result when it simulates again every event, read by a report or not', async () => {
    // At 200 devices 662 events arrive between two reports and the window holds 500, so the run
    // above skipped 1 612 of its 6 622 events: those neither in the current window at the next
    // report nor in the labelled one once their label has arrived. This one simulates the same
    // seed again from scratch, each of those events included.
    const every = await simulateRun(DRIFT_FREE, context, { everyEvent: true });
    expect(every.events).toBe(Math.floor((100 * 200) / 3.02));
    expect(JSON.stringify(every)).toBe(JSON.stringify(await driftFreeRun()));
  });
});
