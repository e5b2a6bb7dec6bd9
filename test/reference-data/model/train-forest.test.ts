import { describe, expect, it } from 'vitest';
import { forestHyperparameters } from '../../../reference-data/src/model/forest-options.js';
import {
  predictLabelBatch,
  predictProbaBatch,
} from '../../../reference-data/src/model/predict-proba.js';
import { trainForest } from '../../../reference-data/src/model/train-forest.js';
import { gaussianBlobs } from './synthetic-blobs.js';

const problem = { features: 65, classes: 12, noise: 0.12, problemSeed: 21 };
const train = gaussianBlobs({ ...problem, rows: 1200, seed: 1 });
const heldOut = gaussianBlobs({ ...problem, rows: 600, seed: 2 });
const options = { trees: 25, seed: 9 };

const accuracy = (predicted: string[], truth: string[]) =>
  predicted.filter((label, i) => label === truth[i]).length / truth.length;

describe('trainForest', () => {
  it('returns an identical model for the same seed and a different one for another seed', () => {
    const a = trainForest(train.features, train.labels, options);
    const b = trainForest(train.features, train.labels, options);
    const c = trainForest(train.features, train.labels, { ...options, seed: 10 });
    expect(b).toEqual(a);
    expect(c.trees[0]!.feature).not.toEqual(a.trees[0]!.feature);
  });

  it('classifies a separable held-out problem almost perfectly', () => {
    const model = trainForest(train.features, train.labels, options);
    expect(model.classLabels).toEqual(train.classLabels);
    expect(accuracy(predictLabelBatch(model, heldOut.features), heldOut.labels)).toBeGreaterThan(
      0.95,
    );
  });

  it('gives probability rows that sum to exactly 1', () => {
    const model = trainForest(train.features, train.labels, options);
    const probabilities = predictProbaBatch(model, heldOut.features.subarray(0, 65 * 50));
    for (let i = 0; i < 50; i++) {
      const row = Array.from(probabilities.subarray(i * 12, i * 12 + 12));
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    }
  });

  it('fits every distinct training row when grown fully on all rows and features', () => {
    const small = gaussianBlobs({ ...problem, noise: 0.5, rows: 300, seed: 3 });
    const model = trainForest(small.features, small.labels, {
      trees: 3,
      bootstrap: false,
      minSamplesLeaf: 1,
      maxFeatures: 65,
    });
    expect(predictLabelBatch(model, small.features)).toEqual(small.labels);
  });

  it('stores class frequencies in a depth-0 forest, in sorted label order', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const labels = ['z', 'a', 'z', 'm', 'z', 'a'];
    const model = trainForest(x, labels, { maxDepth: 0, bootstrap: false });
    expect(model.classLabels).toEqual(['a', 'm', 'z']);
    const probabilities = Array.from(predictProbaBatch(model, Float32Array.of(0)));
    // Each of the 100 leaves rounds its 1/3, 1/6, 1/2 split to whole units of 2^-24.
    [1 / 3, 1 / 6, 1 / 2].forEach((expected, c) => {
      expect(Math.abs(probabilities[c]! - expected)).toBeLessThanOrEqual(100 * 2 ** -24);
    });
    const fourTrees = trainForest(x.subarray(0, 4), labels.slice(0, 4), {
      maxDepth: 0,
      bootstrap: false,
      trees: 4,
    });
    expect(Array.from(predictProbaBatch(fourTrees, Float32Array.of(0)))).toEqual([0.25, 0.25, 0.5]);
  });

  it('uses float32 thresholds and floor(sqrt(features)) features per split by default', () => {
    const model = trainForest(train.features, train.labels, { trees: 2 });
    expect(model.options.maxFeatures).toBe(8);
    for (const tree of model.trees) {
      for (const t of tree.threshold) expect(Math.fround(t)).toBe(t);
    }
  });

  it('flattens its resolved options into model-card hyperparameters', () => {
    const model = trainForest(train.features, train.labels, { trees: 1, seed: 5 });
    expect(forestHyperparameters(model.options)).toEqual({
      trees: 1,
      maxDepth: 24,
      minSamplesLeaf: 3,
      minSamplesSplit: 2,
      maxFeatures: 8,
      maxBins: 256,
      bootstrap: 'true',
      seed: 5,
    });
  });

  it('rejects a mismatched shape, NaN values, a single class and bad options', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    expect(() => trainForest(x, ['a', 'b', 'c'])).toThrow(/features.length = rows × features/);
    expect(() => trainForest(Float32Array.from([1, Number.NaN]), ['a', 'b'])).toThrow(/no NaN/);
    expect(() => trainForest(x, ['a', 'a'])).toThrow(/2..65535 distinct labels/);
    expect(() => trainForest(x, ['a', 'b'], { trees: 0 })).toThrow(/options.trees/);
    expect(() => trainForest(x, ['a', 'b'], { maxFeatures: 3 })).toThrow(/options.maxFeatures/);
    expect(() => trainForest(x, ['a', 'b'], { minSamplesSplit: 1 })).toThrow(/minSamplesSplit/);
  });
});
