import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildReferenceArtifacts,
  modelVersionOf,
} from '../../reference-data/src/reference-artifacts.js';
import { verifyWithOnnxRuntime } from '../../reference-data/src/verify-onnx.js';

const SMALL = {
  seed: 4242,
  training: { people: 4, windowsPerPerson: 40 },
  validation: { people: 2, windowsPerPerson: 30 },
  reference: { people: 6, sessionSeconds: 40, hop: 151, keepEvery: 2 },
  forest: { trees: 8, maxDepth: 10 },
};

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('buildReferenceArtifacts', () => {
  const first = buildReferenceArtifacts(SMALL);

  it('rebuilds byte-identical artifacts from the same options', () => {
    const second = buildReferenceArtifacts(SMALL);
    expect(sha(second.onnx)).toBe(sha(first.onnx));
    expect(sha(second.csv)).toBe(sha(first.csv));
    expect(JSON.stringify(second.card)).toBe(JSON.stringify(first.card));
    expect(JSON.stringify(second.schema)).toBe(JSON.stringify(first.schema));
  });

  it('gives different data for a different seed', () => {
    const other = buildReferenceArtifacts({ ...SMALL, seed: SMALL.seed + 100 });
    expect(sha(other.csv)).not.toBe(sha(first.csv));
    expect(other.card.trainingDataSha256).not.toBe(first.card.trainingDataSha256);
  });

  it('writes a table whose prediction columns onnxruntime reproduces', async () => {
    const agreement = await verifyWithOnnxRuntime(first.onnx, first.csv, first.card);
    // 40 s at 50 Hz cut into back-to-back 151-sample windows: 13 per person, every second kept.
    expect(agreement.rows).toBe(Math.ceil((6 * 13) / 2));
    expect(agreement.maxAbsDifference).toBe(0);
  });

  it('describes the model on its card', () => {
    expect(first.card.featureNames).toHaveLength(65);
    expect(first.card.classLabels).toEqual(first.model.classLabels);
    expect(first.card.modelVersion).toBe(modelVersionOf(first.model));
    expect(first.card.modelSha256).toBe(sha(first.onnx));
    expect(first.card.trainingRows).toBe(4 * 40);
    expect(first.card.heldOutMetrics.rows).toBe(2 * 30);
  });

  it('rejects a table the model does not reproduce', async () => {
    const lines = first.csv.split('\n');
    const header = lines[0]!.split(',');
    const predictionAt = header.indexOf('prediction');
    const cells = lines[1]!.split(',');
    cells[predictionAt] = cells[predictionAt] === 'Run' ? 'Walk' : 'Run';
    lines[1] = cells.join(',');
    await expect(verifyWithOnnxRuntime(first.onnx, lines.join('\n'), first.card)).rejects.toThrow(
      /row 1: onnxruntime predicts/,
    );
  });
});

describe('modelVersionOf', () => {
  const { model } = buildReferenceArtifacts(SMALL);
  const version = modelVersionOf(model);

  it('is a hash of the forest itself: a copy keeps it, one changed leaf or threshold does not', () => {
    expect(version).toMatch(/^exercise-rf-[0-9a-f]{12}$/);
    expect(modelVersionOf(structuredClone(model))).toBe(version);
    const leaf = structuredClone(model);
    leaf.trees[3]!.leafUnits[0]! += 1;
    const threshold = structuredClone(model);
    threshold.trees[0]!.threshold[0] = Math.fround(threshold.trees[0]!.threshold[0]! + 1);
    const versions = new Set([version, modelVersionOf(leaf), modelVersionOf(threshold)]);
    expect(versions.size).toBe(3);
  });
});
