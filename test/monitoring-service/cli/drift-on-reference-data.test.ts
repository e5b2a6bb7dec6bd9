import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { createFeaturizer, FEATURE_NAMES } from '../../../core/src/features/index.js';
import { type SensorDriftInput, simulatePopulation } from '../../../core/src/simulator/index.js';
import { runDrift } from './run-cli.js';

const REFERENCE = 'reference-data/reference.csv';
const FEATURES = ['--features', FEATURE_NAMES.join(',')];
const dir = mkdtempSync(join(tmpdir(), 'drift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const simulated = new Map<string, string>();

/**
 * Simulated production windows (people the reference never saw) as a CSV of the 65 features,
 * written once per name: the same name always holds the same windows.
 */
function simulatedCsv(name: string, drift?: SensorDriftInput): string {
  const written = simulated.get(name);
  if (written !== undefined) return written;
  const featurizer = createFeaturizer();
  const windows = simulatePopulation({
    seed: 515,
    people: 100,
    sessionSeconds: 150,
    hop: 151,
    keep: (i) => i % 5 === 0,
    ...(drift ? { drift } : {}),
  });
  const lines = [FEATURE_NAMES.join(',')];
  for (const window of windows) lines.push(Array.from(featurizer.featurize(window)).join(','));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  simulated.set(name, path);
  return path;
}

const SCHEMA = ['--schema', 'reference-data/reference.schema.json'];
let itselfWithSchema: ReturnType<typeof runDrift> | undefined;

/** The reference against itself with its schema, run once for the tests that read it. */
function referenceAgainstItself(): ReturnType<typeof runDrift> {
  itselfWithSchema ??= runDrift(['--reference', REFERENCE, '--current', REFERENCE, ...SCHEMA]);
  return itselfWithSchema;
}

function driftedFeatures(args: string[]): Set<string> {
  const { status, stdout, stderr } = runDrift(args);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const report = JSON.parse(stdout) as DriftReport;
  return new Set(Object.keys(report.features).filter((name) => report.features[name]!.drifted));
}

describe('drift CLI on the shipped reference data', () => {
  it('reports no drift of the reference against itself', () => {
    const { status, stdout } = referenceAgainstItself();
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as DriftReport;
    expect(report.dataset.driftedFeatures).toBe(0);
    expect(report.dataset.drifted).toBe(false);
    expect(report.prediction!.drifted).toBe(false);
    expect(report.target!.drifted).toBe(false);
    expect(report.classification!.accuracy).toBeGreaterThan(0.8);
  }, 60_000);

  it('takes the features, target and prediction from --schema, not the probability columns', () => {
    const itself = referenceAgainstItself();
    expect(itself.status).toBe(0);
    const report = JSON.parse(itself.stdout) as DriftReport;
    expect(Object.keys(report.features)).toEqual(FEATURE_NAMES);
    expect(report.target).not.toBeNull();
    expect(report.prediction).not.toBeNull();
    // The schema's probability columns calibrate on the reference and estimate the current
    // quality; the reference against itself, the estimate's accuracy is the realized one (the
    // top-label maps keep the sum of each class's correct predictions).
    const estimate = report.estimatedClassification!;
    expect(estimate.rows).toBe(report.rows.current);
    expect(estimate.accuracy).toBeCloseTo(report.classification!.accuracy, 9);
    expect(estimate.band.accuracy.lower).toBeLessThan(estimate.accuracy);
    expect(estimate.band.accuracy.upper).toBeGreaterThan(estimate.accuracy);
    // Without it every column but label and prediction is a feature, proba_<class> included,
    // and the person column, which is not numeric, is refused by name.
    const plain = runDrift(['--reference', REFERENCE, '--current', REFERENCE]);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('person');
    const probabilityColumns = FEATURE_NAMES.concat(['proba_Run', 'proba_Walk']).join(',');
    const withProbabilities = runDrift([
      '--reference',
      REFERENCE,
      '--current',
      REFERENCE,
      '--features',
      probabilityColumns,
    ]);
    const probabilities = Object.keys(
      (JSON.parse(withProbabilities.stdout) as DriftReport).features,
    ).filter((name) => name.startsWith('proba_'));
    expect(probabilities).toEqual(['proba_Run', 'proba_Walk']);
    // A current file of features only: the schema's target and prediction are just left out.
    const current = simulatedCsv('control.csv');
    const featuresOnly = runDrift(['--reference', REFERENCE, '--current', current, ...SCHEMA]);
    expect(featuresOnly.stderr).toBe('');
    expect(JSON.parse(featuresOnly.stdout)).toMatchObject({
      target: null,
      prediction: null,
      estimatedClassification: null,
    });
  }, 60_000);

  it('exits 2 naming the schema file when it is missing or malformed', () => {
    const againstItself = (schema: string) =>
      runDrift(['--reference', REFERENCE, '--current', REFERENCE, '--schema', schema]);
    const missing = againstItself('nope.json');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^drift: cannot read --schema nope\.json: /);
    const bad = join(dir, 'bad.schema.json');
    writeFileSync(
      bad,
      JSON.stringify({ features: [], prediction: 'prediction', modelVersion: 'x' }),
    );
    const malformed = againstItself(bad);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain(`drift: --schema ${bad}: features: `);
  }, 60_000);

  it('flags every accel_x feature, and nothing else new, when the x axis reads 0.5 g high', () => {
    const control = driftedFeatures([
      '--reference',
      REFERENCE,
      '--current',
      simulatedCsv('control.csv'),
      ...FEATURES,
    ]);
    const shifted = driftedFeatures([
      '--reference',
      REFERENCE,
      '--current',
      simulatedCsv('shifted.csv', { accelBiasG: [0.5, 0, 0] }),
      ...FEATURES,
    ]);
    const accelX = FEATURE_NAMES.filter((name) => name.startsWith('accel_x_'));
    // Unbiased windows of new people already differ in a few features (people are clusters of
    // windows, which KS does not know); the bias must add exactly the accel_x ones.
    expect(accelX.every((name) => shifted.has(name))).toBe(true);
    expect([...shifted].filter((name) => !name.startsWith('accel_x_')).sort()).toEqual(
      [...control].filter((name) => !name.startsWith('accel_x_')).sort(),
    );
    expect(accelX.filter((name) => control.has(name)).length).toBeLessThan(accelX.length);
  }, 120_000);
});
