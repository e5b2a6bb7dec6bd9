import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBABILITY_UNITS } from '../../../reference-data/src/model/forest-types.js';
import type { RandomForest } from '../../../reference-data/src/model/forest-types.js';
import { exportOnnx } from '../../../reference-data/src/model/onnx-export.js';
import {
  argmaxFirst,
  predictLabelBatch,
  predictProbaBatch,
} from '../../../reference-data/src/model/predict-proba.js';
import { createRng } from '../../../core/src/random/prng.js';
import { trainForest } from '../../../reference-data/src/model/train-forest.js';
import { forestOf, leafTree, stumpTree } from './handmade-forest.js';
import { allThresholdRows, extremeRows, pathThresholdRows } from './probe-rows.js';
import { gaussianBlobs } from './synthetic-blobs.js';

const F = 65;
const C = 12;
const problem = { features: F, classes: C, noise: 0.35, problemSeed: 4 };

interface RuntimeOutput {
  labels: string[];
  probabilities: Float32Array;
}

/** Runs `rows` (n × features) through the session `batch` rows at a time. */
async function runInBatches(
  session: ort.InferenceSession,
  rows: Float32Array,
  batch: number,
  shape = { features: F, classes: C },
) {
  const n = rows.length / shape.features;
  const out: RuntimeOutput = { labels: [], probabilities: new Float32Array(n * shape.classes) };
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    const values = rows.slice(start * shape.features, (start + size) * shape.features);
    const result = await session.run({
      features: new ort.Tensor('float32', values, [size, shape.features]),
    });
    out.labels.push(...(result.label!.data as string[]));
    out.probabilities.set(result.probabilities!.data as Float32Array, start * shape.classes);
  }
  return out;
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('exported forest in onnxruntime', () => {
  let model: RandomForest;
  let session: ort.InferenceSession;
  let probes: Record<string, Float32Array>;

  beforeAll(async () => {
    const train = gaussianBlobs({ ...problem, rows: 2400, seed: 1 });
    const heldOut = gaussianBlobs({ ...problem, rows: 600, seed: 2 }).features;
    model = trainForest(train.features, train.labels, { seed: 3 });
    const bytes = exportOnnx(model, {
      featureNames: train.featureNames,
      classLabels: train.classLabels,
      modelVersion: 't',
    });
    // Two threads make onnxruntime split the 100 trees between threads and merge their sums.
    session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 2 });
    const rng = createRng(17);
    probes = {
      heldOut,
      pathThresholds: pathThresholdRows(model, heldOut, 400, rng),
      allThresholds: allThresholdRows(model, 200, rng),
      extremes: extremeRows(F, 100, rng),
    };
  });

  it('matches labels and probabilities on every probe row, in batches of 1, 32 and all rows', async () => {
    for (const [name, rows] of Object.entries(probes)) {
      const expectedProbabilities = predictProbaBatch(model, rows);
      const expectedLabels = predictLabelBatch(model, rows);
      for (const batch of [1, 32, rows.length / F]) {
        const runtime = await runInBatches(session, rows, batch);
        expect({ name, batch, labels: runtime.labels }).toEqual({
          name,
          batch,
          labels: expectedLabels,
        });
        expect(maxAbsDifference(runtime.probabilities, expectedProbabilities)).toBeLessThanOrEqual(
          1e-5,
        );
        // Exact sums of 2^-24 units leave no rounding difference at all.
        expect(runtime.probabilities).toEqual(expectedProbabilities);
      }
    }
  }, 120_000);

  it('labels every row with the first class of highest probability', async () => {
    const runtime = await runInBatches(session, probes.heldOut!, 600);
    runtime.labels.forEach((label, i) => {
      expect(label).toBe(
        model.classLabels[argmaxFirst(runtime.probabilities.subarray(i * C, (i + 1) * C))],
      );
    });
  });

  it('agrees on a model whose thresholds border infinite and extreme training values', async () => {
    const data = gaussianBlobs({ ...problem, rows: 600, seed: 5 });
    const rng = createRng(23);
    const extremes = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3.4e38, -3.4e38, 1e-45];
    for (let i = 0; i < data.features.length; i += 7) {
      data.features[i] = extremes[rng.int(extremes.length)]!;
    }
    const edgy = trainForest(data.features, data.labels, { trees: 20, seed: 4 });
    const thresholds = edgy.trees.flatMap((tree) => Array.from(tree.threshold));
    expect(thresholds).toContain(Number.NEGATIVE_INFINITY);
    const bytes = exportOnnx(edgy, { ...data, modelVersion: 'edgy' });
    const edgySession = await ort.InferenceSession.create(bytes);
    const rows = new Float32Array([
      ...data.features,
      ...pathThresholdRows(edgy, data.features, 200, rng),
      ...extremeRows(F, 50, rng),
    ]);
    const runtime = await runInBatches(edgySession, rows, rows.length / F);
    expect(runtime.labels).toEqual(predictLabelBatch(edgy, rows));
    expect(runtime.probabilities).toEqual(predictProbaBatch(edgy, rows));
  });

  it('breaks exact probability ties towards the lower class index, like predictLabel', async () => {
    const half = PROBABILITY_UNITS / 2;
    const tied = forestOf(
      [stumpTree(0, 0.5, [half, 0, 0, 0], [0, 0, 0, half]), leafTree([0, 0, half, 0])],
      1,
      ['d', 'c', 'b', 'a'],
    );
    const bytes = exportOnnx(tied, {
      featureNames: ['x'],
      classLabels: ['d', 'c', 'b', 'a'],
      modelVersion: '1',
    });
    const tiedSession = await ort.InferenceSession.create(bytes);
    const rows = Float32Array.of(0, 1, 0.5, Number.NaN);
    const runtime = await runInBatches(tiedSession, rows, 4, { features: 1, classes: 4 });
    expect(runtime.labels).toEqual(['d', 'b', 'd', 'b']);
    expect(runtime.labels).toEqual(predictLabelBatch(tied, rows));
    expect(runtime.probabilities).toEqual(predictProbaBatch(tied, rows));
  });
});
