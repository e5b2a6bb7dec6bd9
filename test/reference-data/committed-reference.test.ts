import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../core/src/features/index.js';
import { CLASS_LABELS } from '../../core/src/simulator/index.js';
import type { ModelCard } from '../../core/src/contract/model-card.js';
import { verifyWithOnnxRuntime } from '../../reference-data/src/verify-onnx.js';
import { REPO_ROOT } from '../../stack/src/repo-paths.js';

const DIR = join(REPO_ROOT, 'reference-data');
const card = JSON.parse(readFileSync(join(DIR, 'model', 'model-card.json'), 'utf8')) as ModelCard;
const onnx = readFileSync(join(DIR, 'model', card.modelFile));
const csv = readFileSync(join(DIR, 'reference.csv'), 'utf8');
const schema = JSON.parse(readFileSync(join(DIR, 'reference.schema.json'), 'utf8'));

describe('the committed model and reference data', () => {
  it('has a card that matches its ONNX file and the featurizer', () => {
    expect(card.modelSha256).toBe(createHash('sha256').update(onnx).digest('hex'));
    expect(card.featureNames).toEqual(FEATURE_NAMES);
    expect([...card.classLabels].sort()).toEqual([...CLASS_LABELS].sort());
    expect(schema.modelVersion).toBe(card.modelVersion);
    expect(schema.features).toEqual(FEATURE_NAMES);
  });

  it('is reproduced by onnxruntime on every reference row', async () => {
    const agreement = await verifyWithOnnxRuntime(onnx, csv, card);
    expect(agreement.rows).toBeGreaterThan(5000);
    expect(agreement.maxAbsDifference).toBeLessThanOrEqual(1e-5);
  }, 60_000);

  it('reaches a held-out accuracy between 0.80 and 0.97', () => {
    expect(card.heldOutMetrics.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(card.heldOutMetrics.accuracy).toBeLessThanOrEqual(0.97);
  });

  it('has at least 30 reference windows of every class', () => {
    const labelAt = csv.slice(0, csv.indexOf('\n')).split(',').indexOf('label');
    const counts = new Map<string, number>();
    for (const line of csv.trimEnd().split('\n').slice(1)) {
      const label = line.split(',')[labelAt]!;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    for (const label of CLASS_LABELS) expect(counts.get(label) ?? 0).toBeGreaterThanOrEqual(30);
  });

  it('stays under 20 MB', () => {
    const bytes = [
      'reference.csv',
      'reference.schema.json',
      'README.md',
      'model/model-card.json',
      `model/${card.modelFile}`,
    ]
      .map((file) => statSync(join(DIR, file)).size)
      .reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });
});
