import { describe, expect, it } from 'vitest';
import { parseDatasetsConfig } from '../../../monitoring-service/src/datasets/datasets-config.js';
import { defineDataset } from '../../../monitoring-service/src/datasets/monitored-dataset.js';
import type { ReferenceSchema } from '../../../monitoring-service/src/datasets/reference-schema.js';

const schema: ReferenceSchema = {
  features: ['a', 'b'],
  target: 'label',
  prediction: 'prediction',
  probabilities: { x: 'proba_x' },
  classLabels: ['x', 'y'],
  modelVersion: 'm-1',
  monitored: [],
};

const entry = (extra = '') =>
  parseDatasetsConfig(
    `datasets:\n  - name: ds\n    reference: { data: r.csv, schema: s.json }\n${extra}`,
    '/c/d.yaml',
  )[0]!;

describe('defineDataset', () => {
  it('takes the columns from the reference schema', () => {
    expect(defineDataset(entry(), schema)).toMatchObject({
      featureNames: ['a', 'b'],
      predictionColumn: 'prediction',
      targetColumn: 'label',
      probabilityColumns: { x: 'proba_x' },
      modelVersion: 'm-1',
      reportOptions: { alpha: 0.05, driftShare: 0.5, benjaminiHochberg: false },
    });
  });

  it('lets the datasets file override columns, including no target', () => {
    const definition = defineDataset(entry('    features: [b]\n    target: null\n'), schema);
    expect(definition).toMatchObject({ featureNames: ['b'], targetColumn: null });
  });

  it('refuses a column named twice among features, prediction and target', () => {
    expect(() => defineDataset(entry('    features: [a, label]\n'), schema)).toThrow(/"label"/);
  });
});
