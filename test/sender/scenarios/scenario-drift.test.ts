import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../sender/src/index.js';
import { runInStack, type Checkpoint } from '../helpers/run-in-stack.js';
import { buildScenarioModel, type ScenarioModel } from '../helpers/scenario-model.js';
import { type ScenarioStack, startScenarioStack } from '../helpers/scenario-stack.js';

/** Monitoring window: small so that 20 full windows stay quick. */
const W = 40;
const ONSET = 6 * W;
/** 20 windows a request: two requests per report, which the reports then fall between. */
const traffic = { devices: 40, labels: 'inline' as const, batch: 20 };

let model: ScenarioModel;
let stack: ScenarioStack | undefined;

beforeAll(() => {
  model = buildScenarioModel();
});
afterAll(() => rmSync(model.dir, { recursive: true, force: true }));
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function run(scenario: string | undefined, count: number): Promise<Checkpoint[]> {
  stack = await startScenarioStack(model, { windowSizeEvents: W, minWindowEvents: W });
  const scenarios = scenario ? [parseScenario(scenario)] : [];
  const { summary, checkpoints } = await runInStack(stack, { ...traffic, count, scenarios }, W);
  expect(summary.acknowledged).toBe(count);
  return checkpoints;
}

const preOnset = (c: Checkpoint[]) => c.filter((p) => p.acknowledged <= ONSET);
/** Reports whose window holds only windows sent after the onset. */
const postOnset = (c: Checkpoint[]) => c.filter((p) => p.acknowledged >= ONSET + W);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('drift scenarios against both services', () => {
  it('raises no dataset drift with none over 20 consecutive full windows', async () => {
    const checkpoints = await run(undefined, 20 * W);
    expect(checkpoints).toHaveLength(20);
    for (const { report } of checkpoints) expect(report?.dataset.drifted).toBe(false);
  });

  it('makes most features drift within one window after a sensor-bias onset', async () => {
    const checkpoints = await run(`sensor-bias@${ONSET}`, ONSET + 2 * W);
    for (const { report } of preOnset(checkpoints)) expect(report?.dataset.drifted).toBe(false);
    const first = postOnset(checkpoints)[0]!;
    expect(first.acknowledged).toBe(ONSET + W);
    expect(first.report?.dataset.drifted).toBe(true);
    expect(first.report?.dataset.share).toBeGreaterThan(0.5);
  });

  it('leaves features alone but lowers accuracy when the concept changes', async () => {
    const checkpoints = await run(`concept@${ONSET}`, ONSET + 4 * W);
    const accuracy = (c: Checkpoint[]) => mean(c.map((p) => p.report!.classification!.accuracy));
    for (const { report } of checkpoints) expect(report?.dataset.drifted).toBe(false);
    for (const { report } of postOnset(checkpoints))
      expect(report?.prediction?.drifted).toBe(false);
    expect(accuracy(postOnset(checkpoints))).toBeLessThan(accuracy(preOnset(checkpoints)) - 0.1);
  });

  it('triggers prediction drift when the population mostly runs', async () => {
    const checkpoints = await run(`class-mix@${ONSET}`, ONSET + 2 * W);
    for (const { report } of preOnset(checkpoints)) expect(report?.prediction?.drifted).toBe(false);
    for (const { report } of postOnset(checkpoints)) expect(report?.prediction?.drifted).toBe(true);
  });
});
