import { describe, expect, it } from 'vitest';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';
import { expectQuality } from '../../monitoring-service/expect-quality.js';
import { expected, FEATURES, referenceTable } from './report-fixture.js';

describe('fitReferenceProfile', () => {
  const reference = referenceTable();
  const profile = fitReferenceProfile(reference, FEATURES);

  it('keeps each feature ascending, with the reference row count', () => {
    expect(profile.featureNames).toEqual(FEATURES);
    expect(profile.rowCount).toBe(240);
    for (const name of FEATURES) {
      const sorted = Array.from(reference.features[name]!).sort((a, b) => a - b);
      // === rather than toEqual: the data holds −0 and 0, which are equal values.
      expect(profile.sorted[name]!.every((v, i) => v === sorted[i])).toBe(true);
    }
  });

  it('fits one PSI bin more than edges, with shares summing to about 1', () => {
    for (const name of FEATURES) {
      const { edges, proportions } = profile.psi[name]!;
      expect(proportions.length).toBe(edges.length + 1);
      expect(proportions.reduce((s, p) => s + p, 0)).toBeGreaterThanOrEqual(1 - 1e-12);
    }
    expect(Array.from(profile.psi.f_const!.edges)).toEqual([1.5]);
  });

  it('counts prediction and known target categories', () => {
    const predictions = reference.prediction!;
    expect([...profile.predictionCounts!.values()].reduce((a, b) => a + b, 0)).toBe(
      predictions.length,
    );
    expect(profile.predictionCounts!.get('Curl, hammer')).toBe(
      predictions.filter((p) => p === 'Curl, hammer').length,
    );
    expect([...profile.targetCounts!.values()].reduce((a, b) => a + b, 0)).toBe(240);
  });

  it('measures the reference quality as scikit-learn does', () => {
    expectQuality(profile.quality!, expected.referenceQuality);
  });

  it('hashes the content: equal for equal data, different when a value changes', () => {
    expect(fitReferenceProfile(referenceTable(), FEATURES).hash).toBe(profile.hash);
    const changed = referenceTable();
    (changed.features.f_mild as Float64Array)[7]! += 1e-9;
    expect(fitReferenceProfile(changed, FEATURES).hash).not.toBe(profile.hash);
  });

  it('keys the calibration source by the content and the groups', () => {
    const grouped = (groupOf: (row: number) => string) => {
      const table = referenceTable();
      const groups = Array.from({ length: table.rowCount }, (_, row) => groupOf(row));
      return fitReferenceProfile({ ...table, groups }, FEATURES).nullSource!.key;
    };
    const byFour = grouped((row) => `g${Math.floor(row / 4)}`);
    expect(byFour).toMatch(/^[0-9a-f]{64}$/);
    expect(grouped((row) => `g${Math.floor(row / 4)}`)).toBe(byFour);
    expect(grouped((row) => `g${Math.floor(row / 5)}`)).not.toBe(byFour);
    expect(profile.nullSource).toBeNull();
  });

  it('does not reorder the caller’s columns', () => {
    const table = { rowCount: 3, features: { a: [3, 1, 2] } };
    fitReferenceProfile(table, ['a']);
    expect(table.features.a).toEqual([3, 1, 2]);
  });

  it('has null counts and quality for columns the reference lacks', () => {
    const bare = fitReferenceProfile({ rowCount: 2, features: { a: [1, 2] } }, ['a']);
    expect(bare.predictionCounts).toBeNull();
    expect(bare.targetCounts).toBeNull();
    expect(bare.quality).toBeNull();
  });

  it('rejects repeated feature names and a feature the table lacks', () => {
    expect(() => fitReferenceProfile(referenceTable(), ['f_shift', 'f_shift'])).toThrow(
      /distinct feature names/,
    );
    expect(() => fitReferenceProfile(referenceTable(), ['nope'])).toThrow(
      /fitReferenceProfile requires feature column "nope"/,
    );
  });
});
