/**
 * The evaluation's runs repeat exactly: skipping the events no report reads changes nothing, and
 * the same seed gives the same result. Apart from the detection checks of quick-evaluation.test.ts
 * so that the two files can run side by side.
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

describe('quick evaluation, repeated', () => {
  it('gives the same result when it skips the events no report reads', async () => {
    // Labels of the first 10 s reach the last report, so both windows' skipping is exercised.
    const run = spec('class-mix', 60, 40, 20);
    const skipping = await simulateRun(run, context);
    const every = await simulateRun(run, context, { everyEvent: true });
    expect(JSON.stringify(skipping)).toBe(JSON.stringify(every));
  });

  it('gives the same result for the same seed', async () => {
    const [a, b] = [
      await simulateRun(spec('none', 20, 60, null), context),
      await simulateRun(spec('none', 20, 60, null), context),
    ];
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.events).toBe(Math.floor((60 * 20) / 3.02));
  });
});
