/**
 * A short evaluation in process: outcomes any correct engine must give, whatever the machine.
 * The full tables come from `npm run evaluate`.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRunContext } from './run-context.js';
import { quickSpec as spec } from './quick-run-spec.js';
import { type RunContext, simulateRun } from './simulate-run.js';

let context: RunContext;
beforeAll(async () => {
  context = await loadRunContext(join(import.meta.dirname, '../..'));
});

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
    const result = await simulateRun(spec('none', 200, 100, null), context);
    expect(result.reports).toBe(10);
    for (const [name, alert] of Object.entries(result.alerts)) {
      expect({ name, firings: alert.falseFirings }).toEqual({ name, firings: 0 });
    }
  });
});
