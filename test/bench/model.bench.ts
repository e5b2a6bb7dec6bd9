/**
 * Reference-model speed (`npm run bench -- model`): random-forest training with the default
 * options on 15 000 synthetic rows × 65 features × 12 classes (overlapping Gaussian blobs, so the
 * trees grow deep as on real sensor features), ONNX export size and time, and onnxruntime-node
 * inference throughput on batches of 1 and 32 rows, with the TypeScript predictor for scale.
 */
import * as ort from 'onnxruntime-node';
import { exportOnnx } from '../../reference-data/src/model/onnx-export.js';
import { predictLabelBatch, predictProba } from '../../reference-data/src/model/predict-proba.js';
import { trainForest } from '../../reference-data/src/model/train-forest.js';
import { gaussianBlobs } from '../reference-data/model/synthetic-blobs.js';
import { median, percentile, timeRounds } from './stats.js';

const PROBLEM = { features: 65, classes: 12, noise: 0.8, problemSeed: 2026 };
const TRAINING_ROUNDS = 2;

/** Per-call microseconds of an async body, `rounds` rounds of `iterations` after a warm-up. */
async function timeAsyncRounds(body: () => Promise<unknown>, iterations: number, rounds: number) {
  for (let i = 0; i < iterations; i++) await body();
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await body();
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  return perCall;
}

function summarise(perCallMicros: number[], rowsPerCall: number) {
  const mid = median(perCallMicros);
  return {
    batchRows: rowsPerCall,
    medianMicrosPerCall: mid,
    p90MicrosPerCall: percentile(perCallMicros, 0.9),
    rowsPerSecond: (rowsPerCall * 1e6) / mid,
  };
}

async function inference(bytes: Uint8Array, rows: Float32Array) {
  const createStart = performance.now();
  const session = await ort.InferenceSession.create(bytes);
  const sessionCreateMs = performance.now() - createStart;
  const F = PROBLEM.features;
  const results = [];
  for (const batch of [1, 32]) {
    let offset = 0;
    const run = () => {
      const start = (offset++ * batch) % (rows.length / F - batch);
      const values = rows.slice(start * F, (start + batch) * F);
      return session.run({ features: new ort.Tensor('float32', values, [batch, F]) });
    };
    results.push(summarise(await timeAsyncRounds(run, batch === 1 ? 500 : 100, 7), batch));
    process.stderr.write(`model bench: onnxruntime batch ${batch} done\n`);
  }
  await session.release();
  return { sessionCreateMs, batches: results };
}

export default async function modelBench(): Promise<Record<string, unknown>> {
  const train = gaussianBlobs({ ...PROBLEM, rows: 15_000, seed: 1 });
  const heldOut = gaussianBlobs({ ...PROBLEM, rows: 3_000, seed: 2 });
  const trainingSeconds: number[] = [];
  // CPU time next to wall time: on a shared machine the wall clock also counts other processes.
  const trainingCpuSeconds: number[] = [];
  let model = trainForest(train.features, train.labels, { trees: 1 });
  for (let round = 0; round < TRAINING_ROUNDS; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    model = trainForest(train.features, train.labels);
    const used = process.cpuUsage(cpu);
    trainingSeconds.push((performance.now() - start) / 1000);
    trainingCpuSeconds.push((used.user + used.system) / 1e6);
    process.stderr.write(`model bench: training round ${round + 1}: ${trainingSeconds.at(-1)} s\n`);
  }
  const predicted = predictLabelBatch(model, heldOut.features);
  const exportStart = performance.now();
  const bytes = exportOnnx(model, { ...train, modelVersion: 'bench' });
  const exportMs = performance.now() - exportStart;
  const row = heldOut.features.subarray(0, PROBLEM.features);
  return {
    rows: 15_000,
    ...PROBLEM,
    options: model.options,
    trainingSeconds,
    trainingCpuSeconds,
    nodes: model.trees.reduce((sum, tree) => sum + tree.feature.length, 0),
    heldOutAccuracy: predicted.filter((label, i) => label === heldOut.labels[i]).length / 3000,
    exportMs,
    onnxBytes: bytes.length,
    onnxruntime: await inference(bytes, heldOut.features),
    typescriptMicrosPerRow: median(timeRounds(() => predictProba(model, row), 2000, 5)),
  };
}
