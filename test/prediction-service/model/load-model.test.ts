import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import { loadModel, ModelLoadError } from '../../../prediction-service/src/model/load-model.js';
import { TEST_CLASSES, type TestModelOptions, writeTestModel } from '../helpers/test-model.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const expectations = { featureNames: FEATURE_NAMES, windowLengthSamples: 151, sampleRateHz: 50 };

function modelWith(options: TestModelOptions = {}) {
  const written = writeTestModel(options);
  dirs.push(written.dir);
  return written;
}

async function refusal(cardPath: string): Promise<string> {
  const error = await loadModel(cardPath, expectations).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  return (error as Error).message;
}

describe('loadModel', () => {
  it('loads a model that agrees with its card and predicts a batch in one call', async () => {
    const { classifier, featureColumns } = await loadModel(modelWith().cardPath, expectations);
    expect(classifier.card.classLabels).toEqual(TEST_CLASSES);
    expect([...featureColumns]).toEqual(FEATURE_NAMES.map((_, i) => i));
    const result = await classifier.predict(new Float32Array(3 * 65).fill(0.5), 3);
    expect(result.labels).toHaveLength(3);
    expect(result.probabilities).toHaveLength(3 * TEST_CLASSES.length);
    await classifier.release();
  });

  it('maps the featurizer order onto a card that lists features in another order', async () => {
    const reversed = [...FEATURE_NAMES].reverse();
    const loaded = await loadModel(
      modelWith({ card: { featureNames: reversed } }).cardPath,
      expectations,
    );
    expect(loaded.featureColumns[0]).toBe(64);
    expect(loaded.featureColumns[64]).toBe(0);
    await loaded.classifier.release();
  });

  it('refuses a missing card', async () => {
    expect(await refusal('/nonexistent/model-card.json')).toMatch(/model card.*not found/);
  });

  it('refuses a card whose model file is missing', async () => {
    const { dir, cardPath } = modelWith();
    rmSync(join(dir, 'test-model.onnx'));
    expect(await refusal(cardPath)).toMatch(/model file not found/);
  });

  it('refuses a model file whose hash differs from the card', async () => {
    expect(await refusal(modelWith({ card: { modelSha256: 'a'.repeat(64) } }).cardPath)).toMatch(
      /SHA-256/,
    );
  });

  it('refuses a model whose input width differs from the card', async () => {
    expect(await refusal(modelWith({ featureCount: 64 }).cardPath)).toMatch(/\[N, 64\].*\[N, 65\]/);
  });

  it('refuses a card with more classes than the model outputs', async () => {
    const card = { classLabels: [...TEST_CLASSES, 'Extra'] };
    expect(await refusal(modelWith({ card }).cardPath)).toMatch(/4 class probabilities.*5 classes/);
  });

  it('refuses a card whose class labels the model never predicts', async () => {
    const card = { classLabels: ['a', 'b', 'c', 'd'] };
    expect(await refusal(modelWith({ card }).cardPath)).toMatch(
      /not among the card's class labels/,
    );
  });

  it('refuses a card naming an input the model does not have', async () => {
    expect(await refusal(modelWith({ card: { inputName: 'x' } }).cardPath)).toMatch(
      /no tensor input "x"/,
    );
  });

  it('refuses a card for other windows or features', async () => {
    const window = { lengthSamples: 100, sampleRateHz: 50 };
    expect(await refusal(modelWith({ card: { window } }).cardPath)).toMatch(/100-sample windows/);
    const featureNames = [...FEATURE_NAMES.slice(1), 'other'];
    expect(await refusal(modelWith({ card: { featureNames } }).cardPath)).toMatch(
      /missing: accel_x_0/,
    );
  });

  it('refuses a card that is not a model card', async () => {
    const { cardPath } = modelWith();
    writeFileSync(cardPath, JSON.stringify({ schemaVersion: 1 }));
    expect(await refusal(cardPath)).toMatch(/is invalid: modelVersion/);
  });
});
