import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../../sender/src/replay/read-recording.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { runInStack } from '../helpers/run-in-stack.js';
import { buildScenarioModel, type ScenarioModel } from '../helpers/scenario-model.js';
import { type ScenarioStack, startScenarioStack } from '../helpers/scenario-stack.js';

const RECORDING = join(FIXTURES_DIR, 'sender', 'recording.csv');

describe('replay of a recording', () => {
  let model: ScenarioModel;
  let stack: ScenarioStack;

  beforeAll(async () => {
    model = buildScenarioModel();
    stack = await startScenarioStack(model, { windowSizeEvents: 10, minWindowEvents: 1 });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(model.dir, { recursive: true, force: true });
  });

  it('sends every whole window of the committed CSV and gets a prediction for each', async () => {
    const predicted: string[] = [];
    const { summary } = await runInStack(
      stack,
      { replay: RECORDING, devices: 1, labels: 'inline' },
      undefined,
      (batch) => {
        const body = batch.outcome.body as { predictions: { windowId: string }[] };
        predicted.push(...body.predictions.map((p) => p.windowId));
      },
    );
    expect(summary).toMatchObject({ sent: 3, acknowledged: 3, failed: 0, labelsSent: 3 });
    expect(predicted).toHaveLength(3);
    const events = stack.dataset.windows.current.values();
    expect(events.map((e) => e.eventId)).toEqual(predicted);
    expect(events.map((e) => e.label)).toEqual(['Repetitive exercise', 'Transition', 'Walk']);
  });

  it('names the line and column of a bad value', () => {
    const text = readFileSync(RECORDING, 'utf8').replace('\n0.02,0.73392', '\n0.02,oops');
    expect(() => parseRecording(text, 'r.csv')).toThrow(
      'r.csv:3: column "accel_x" is not a finite number',
    );
  });

  it('refuses a recording that is not 50 Hz', () => {
    const text =
      'time,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n0,0,0,0,0,0,0\n0.04,0,0,0,0,0,0\n';
    expect(() => parseRecording(text, 'slow.csv')).toThrow('replay needs 50 Hz samples');
  });

  it('refuses a recording without a signal column', () => {
    expect(() => parseRecording('time,accel_x\n0,1\n', 'short.csv')).toThrow(
      'missing column "accel_y"',
    );
  });
});
