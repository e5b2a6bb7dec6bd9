/**
 * A small random forest exported to ONNX with a model card, written to a temp dir, so the
 * service's tests do not depend on the real exercise model.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../../core/src/random/prng.js';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import type { ModelCard } from '../../../core/src/contract/model-card.js';
import { exportOnnx } from '../../../reference-data/src/model/onnx-export.js';
import { trainForest } from '../../../reference-data/src/model/train-forest.js';

export const TEST_CLASSES = ['Junk', 'Squat', 'Transition', 'Triceps'];

export interface TestModelOptions {
  /** Feature columns the ONNX model is trained on (default 65, the featurizer's). */
  featureCount?: number;
  /** Forest size; the default is small so tests train it in milliseconds. */
  forest?: { trees: number; maxDepth: number; rows: number };
  /** Overrides applied to the card after it is built. */
  card?: Partial<ModelCard>;
}

/** Trains on seeded uniform features labelled by the mean of the first four columns. */
function trainingData(
  featureCount: number,
  rows: number,
): { features: Float32Array; labels: string[] } {
  const next = createRng(12345).next;
  const features = new Float32Array(rows * featureCount);
  const labels: string[] = [];
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let f = 0; f < featureCount; f++) {
      const v = next();
      features[r * featureCount + f] = v;
      if (f < 4) sum += v;
    }
    labels.push(TEST_CLASSES[Math.min(3, Math.floor((sum / 4) * 4))]!);
  }
  return { features, labels };
}

/** Writes `test-model.onnx` and `model-card.json` to a new temp dir; returns the card path. */
export function writeTestModel(options: TestModelOptions = {}): { dir: string; cardPath: string } {
  const featureCount = options.featureCount ?? FEATURE_NAMES.length;
  const forest = options.forest ?? { trees: 8, maxDepth: 6, rows: 400 };
  const { features, labels } = trainingData(featureCount, forest.rows);
  const model = trainForest(features, labels, {
    trees: forest.trees,
    maxDepth: forest.maxDepth,
    seed: 3,
  });
  const featureNames =
    featureCount === FEATURE_NAMES.length
      ? [...FEATURE_NAMES]
      : Array.from({ length: featureCount }, (_, i) => `f${i}`);
  const bytes = exportOnnx(model, {
    featureNames,
    classLabels: model.classLabels,
    modelVersion: 'test-1',
  });
  const dir = mkdtempSync(join(tmpdir(), 'prediction-model-'));
  writeFileSync(join(dir, 'test-model.onnx'), bytes);
  const card: ModelCard = {
    schemaVersion: 1,
    modelVersion: 'test-1',
    modelFile: 'test-model.onnx',
    modelSha256: createHash('sha256').update(bytes).digest('hex'),
    featureNames: [...FEATURE_NAMES],
    classLabels: model.classLabels,
    inputName: 'features',
    outputs: { label: 'label', probabilities: 'probabilities' },
    algorithm: 'random-forest',
    hyperparameters: { trees: forest.trees, maxDepth: forest.maxDepth },
    trainingDataSha256: '0'.repeat(64),
    trainingRows: labels.length,
    heldOutMetrics: { rows: 0, accuracy: 0, balancedAccuracy: 0, macroF1: 0 },
    window: { lengthSamples: 151, sampleRateHz: 50 },
    ...options.card,
  };
  const cardPath = join(dir, 'model-card.json');
  writeFileSync(cardPath, JSON.stringify(card, null, 2));
  return { dir, cardPath };
}
