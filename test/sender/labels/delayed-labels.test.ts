import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInStack } from '../helpers/run-in-stack.js';
import { buildScenarioModel, type ScenarioModel } from '../helpers/scenario-model.js';
import { type ScenarioStack, startScenarioStack } from '../helpers/scenario-stack.js';

describe('delayed labels', () => {
  let model: ScenarioModel;
  let stack: ScenarioStack;

  beforeAll(async () => {
    model = buildScenarioModel();
    stack = await startScenarioStack(model, { windowSizeEvents: 1000, minWindowEvents: 20 });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(model.dir, { recursive: true, force: true });
  });

  it('raises label coverage over time and every label matches its event', async () => {
    const truth = new Map<string, string>();
    const coverage: number[] = [];
    const windows = stack.dataset.windows;
    const { summary, output } = await runInStack(
      stack,
      {
        devices: 10,
        speed: 1,
        count: 200,
        labels: 'delayed',
        labelDelay: { minS: 10, maxS: 30 },
        labelFraction: 0.5,
      },
      // No drift reports: the label coverage is read from the monitored windows themselves.
      undefined,
      (batch) => {
        for (const w of batch.windows) truth.set(w.windowId, w.label!);
        coverage.push(windows.labelled.size / windows.current.size);
      },
    );
    expect(coverage[0]).toBe(0);
    expect(coverage.at(-1)!).toBeGreaterThan(0.2);
    expect(summary.labelsSent).toBeGreaterThan(70);
    expect(summary.labelsSent).toBeLessThan(130);
    expect(summary).toMatchObject({ labelsUnmatched: 0, labelsFailed: 0, labelsPending: 0 });
    expect(summary.labelsMatched).toBe(summary.labelsSent);
    const labelled = windows.labelled.values();
    expect(labelled).toHaveLength(summary.labelsSent);
    for (const event of labelled) expect(event.label).toBe(truth.get(event.eventId));
    // 20 windows per device reach one or two sessions of its pool, simulated before sending.
    expect(summary.preparedSessions).toBeGreaterThanOrEqual(10);
    expect(summary.preparedSessions).toBeLessThanOrEqual(20);
    expect(output).toContain(`simulating ${summary.preparedSessions} sessions of 10 devices`);
  });
});
