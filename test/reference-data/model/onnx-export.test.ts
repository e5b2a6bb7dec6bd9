import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../../reference-data/src/model/onnx-export.js';
import { trainForest } from '../../../reference-data/src/model/train-forest.js';
import { fieldsNumbered, readFields, textOf } from './proto-reader.js';
import { gaussianBlobs } from './synthetic-blobs.js';

const data = gaussianBlobs({
  rows: 600,
  features: 65,
  classes: 12,
  noise: 0.3,
  problemSeed: 8,
  seed: 1,
});
const exportOptions = {
  featureNames: data.featureNames,
  classLabels: data.classLabels,
  modelVersion: 'test-1',
};
const model = trainForest(data.features, data.labels, { trees: 10, seed: 2 });

describe('exportOnnx', () => {
  it('writes byte-identical models for the same training seed', () => {
    const again = trainForest(data.features, data.labels, { trees: 10, seed: 2 });
    expect(exportOnnx(again, exportOptions)).toEqual(exportOnnx(model, exportOptions));
    const other = trainForest(data.features, data.labels, { trees: 10, seed: 3 });
    expect(exportOnnx(other, exportOptions)).not.toEqual(exportOnnx(model, exportOptions));
  });

  it('declares the IR version, opsets, producer and metadata', () => {
    const fields = readFields(exportOnnx(model, exportOptions));
    expect(fieldsNumbered(fields, 1)[0]!.varint).toBe(8n);
    expect(textOf(fields, 2)).toBe('driftwatch');
    const opsets = fieldsNumbered(fields, 8).map((f) => {
      const opset = readFields(f.bytes);
      return [textOf(opset, 1), Number(fieldsNumbered(opset, 2)[0]!.varint)];
    });
    expect(opsets).toEqual([
      ['', 17],
      ['ai.onnx.ml', 3],
    ]);
    const metadata = Object.fromEntries(
      fieldsNumbered(fields, 14).map((f) => [
        textOf(readFields(f.bytes), 1),
        textOf(readFields(f.bytes), 2),
      ]),
    );
    expect(metadata.model_version).toBe('test-1');
    expect(metadata.algorithm).toBe('random-forest');
    expect(JSON.parse(metadata.feature_names!)).toEqual(data.featureNames);
    expect(JSON.parse(metadata.class_labels!)).toEqual(data.classLabels);
    expect(JSON.parse(metadata.hyperparameters!)).toMatchObject({
      trees: 10,
      seed: 2,
      maxFeatures: 8,
    });
  });

  it('loads in onnxruntime with a float [N, 65] input and plain label and probability tensors', async () => {
    const session = await ort.InferenceSession.create(exportOnnx(model, exportOptions));
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['label', 'probabilities']);
    const input = new ort.Tensor('float32', data.features.slice(0, 3 * 65), [3, 65]);
    const out = await session.run({ features: input });
    expect(out.label!.type).toBe('string');
    expect(out.label!.dims).toEqual([3]);
    expect(out.probabilities!.type).toBe('float32');
    expect(out.probabilities!.dims).toEqual([3, 12]);
  });

  it('rejects feature names, class labels or versions that do not fit the model', () => {
    const names = data.featureNames;
    expect(() => exportOnnx(model, { ...exportOptions, featureNames: names.slice(1) })).toThrow(
      /exportOnnx requires 65 distinct feature names/,
    );
    expect(() =>
      exportOnnx(model, { ...exportOptions, featureNames: [...names.slice(1), names[1]!] }),
    ).toThrow(/distinct feature names/);
    const reversed = [...data.classLabels].reverse();
    expect(() => exportOnnx(model, { ...exportOptions, classLabels: reversed })).toThrow(
      /classLabels equal to model.classLabels/,
    );
    expect(() => exportOnnx(model, { ...exportOptions, modelVersion: '' })).toThrow(
      /non-empty modelVersion/,
    );
  });

  it('refuses two-class models, which onnxruntime labels by binary rules', () => {
    const binary = trainForest(Float32Array.from([0, 1, 2, 3]), ['a', 'b', 'a', 'b'], { trees: 2 });
    expect(() =>
      exportOnnx(binary, { featureNames: ['x'], classLabels: ['a', 'b'], modelVersion: '1' }),
    ).toThrow(/exportOnnx requires at least 3 classes/);
  });
});
