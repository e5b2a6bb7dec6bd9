import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeDriftReport, computeLabelQuality } from '../../../core/src/drift/compute-report.js';
import type { DriftTable } from '../../../core/src/drift/engine-api.js';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { psiAgainstBins } from '../../../core/src/stats/psi.js';
import { expectClose } from '../../monitoring-service/expect-close.js';
import { expectQuality } from '../../monitoring-service/expect-quality.js';
import {
  currentTable,
  currentTableFromJsonLines,
  expected,
  FEATURES,
  referenceTable,
} from './report-fixture.js';

const profile = fitReferenceProfile(referenceTable(), FEATURES);

function expectReport(actual: DriftReport, want: DriftReport) {
  expect(actual.rows).toEqual(want.rows);
  expect(Object.keys(actual.features)).toEqual(Object.keys(want.features));
  for (const [name, feature] of Object.entries(want.features)) {
    const got = actual.features[name]!;
    expectClose(got.ks.statistic, feature.ks.statistic, `${name} D`);
    expectClose(got.ks.pValue, feature.ks.pValue, `${name} p`);
    expect(got.ks.adjustedPValue === undefined).toBe(feature.ks.adjustedPValue === undefined);
    if (feature.ks.adjustedPValue !== undefined) {
      expectClose(got.ks.adjustedPValue!, feature.ks.adjustedPValue, `${name} BH p`);
    }
    expectClose(got.psi, feature.psi, `${name} PSI`);
    expect(got.drifted, `${name} drifted`).toBe(feature.drifted);
  }
  expect(actual.dataset).toMatchObject(want.dataset);
  for (const column of ['prediction', 'target'] as const) {
    const got = actual[column]!;
    const drift = want[column]!;
    expect(got.chiSquare.dof).toBe(drift.chiSquare.dof);
    expectClose(got.chiSquare.statistic, drift.chiSquare.statistic, `${column} chi²`);
    expectClose(got.chiSquare.pValue, drift.chiSquare.pValue, `${column} p`);
    expectClose(got.jensenShannon, drift.jensenShannon, `${column} JS`);
    expectClose(got.psi, drift.psi, `${column} PSI`);
    expect(got.drifted).toBe(drift.drifted);
  }
  expectQuality(actual.classification!, want.classification!);
}

describe('computeDriftReport', () => {
  afterEach(() => vi.restoreAllMocks());

  it('matches the report computed with scipy and scikit-learn', () => {
    expectReport(computeDriftReport(profile, currentTable()), expected.report);
  });

  it('decides features on Benjamini–Hochberg p-values when asked', () => {
    const report = computeDriftReport(profile, currentTable(), { benjaminiHochberg: true });
    expectReport(report, expected.reportWithBenjaminiHochberg);
    // The fixture is chosen so the correction turns the dataset decision around.
    expect(expected.report.dataset.drifted).toBe(true);
    expect(report.dataset.drifted).toBe(false);
  });

  it('gives the same report for the JSON Lines copy of the current data', () => {
    expectReport(computeDriftReport(profile, currentTableFromJsonLines()), expected.report);
  });

  it('reads the profile without re-sorting or mutating it', () => {
    const before = Object.fromEntries(
      FEATURES.map((n) => [n, Float64Array.from(profile.sorted[n]!)]),
    );
    const sortedThis: unknown[] = [];
    const original = Float64Array.prototype.sort;
    vi.spyOn(Float64Array.prototype, 'sort').mockImplementation(function (
      this: Float64Array,
      compare,
    ) {
      sortedThis.push(this);
      return original.call(this, compare);
    });
    computeDriftReport(profile, currentTable());
    expect(sortedThis.length).toBeLessThanOrEqual(FEATURES.length);
    for (const name of FEATURES) {
      expect(sortedThis).not.toContain(profile.sorted[name]);
      expect(profile.sorted[name]).toEqual(before[name]);
    }
  });

  it('scores PSI against the profile’s fitted bins', () => {
    const tampered = {
      ...profile,
      psi: {
        ...profile.psi,
        f_mild: {
          ...profile.psi.f_mild!,
          proportions: profile.psi.f_mild!.proportions.map((_, i) => (i === 0 ? 0.5 : 0.05)),
        },
      },
    };
    const current = currentTable();
    const report = computeDriftReport(tampered, current);
    expect(report.features.f_mild!.psi).toBe(
      psiAgainstBins(tampered.psi.f_mild, current.features.f_mild!),
    );
    expect(report.features.f_mild!.psi).not.toBeCloseTo(expected.report.features.f_mild!.psi, 3);
  });

  it('applies α and the drift share from the options', () => {
    const strict = computeDriftReport(profile, currentTable(), { alpha: 0.001 });
    const flagged = FEATURES.filter((n) => expected.report.features[n]!.ks.pValue < 0.001);
    expect(strict.dataset.driftedFeatures).toBe(flagged.length);
    const lenient = computeDriftReport(profile, currentTable(), { driftShare: 0.6 });
    expect(lenient.dataset).toMatchObject({ driftedFeatures: 3, drifted: false });
  });

  it('counts strongly drifted features and the family p-value from the scipy p-values', () => {
    const report = computeDriftReport(profile, currentTable());
    // Without groups the decision p-value is the KS p-value of the fixture (scipy).
    const pValues = FEATURES.map((n) => expected.report.features[n]!.ks.pValue);
    const strong = pValues.filter((p) => p < 0.05 / FEATURES.length).length;
    expect(report.dataset.stronglyDriftedFeatures).toBe(strong);
    expectClose(
      report.dataset.familyPValue!,
      Math.min(1, Math.min(...pValues) * FEATURES.length),
      'family p',
    );
  });

  it('gives the same target drift and classification from the labels alone', () => {
    const table = currentTable();
    const report = computeDriftReport(profile, table, { alpha: 0.01 });
    const quality = computeLabelQuality(profile, { ...table, features: {} }, { alpha: 0.01 });
    expect(quality).toEqual({ target: report.target, classification: report.classification });
    expect(quality.target).not.toBeNull();
  });

  it('has no classification and no target drift when no current target is known', () => {
    const current = { ...currentTable(), target: new Array<null>(90).fill(null) };
    const report = computeDriftReport(profile, current);
    expect(report.classification).toBeNull();
    expect(report.target).toBeNull();
    expect(report.prediction).not.toBeNull();
  });

  it('has null prediction and target sections when a side lacks the columns', () => {
    const { prediction: _p, target: _t, ...bare } = currentTable();
    const report = computeDriftReport(profile, bare);
    expect(report.prediction).toBeNull();
    expect(report.target).toBeNull();
    expect(report.classification).toBeNull();
    const bareProfile = fitReferenceProfile(
      { ...referenceTable(), prediction: undefined, target: undefined },
      FEATURES,
    );
    const fromBare = computeDriftReport(bareProfile, currentTable());
    expect(fromBare.prediction).toBeNull();
    expect(fromBare.target).toBeNull();
    expect(fromBare.classification).not.toBeNull();
  });

  it('ignores current columns the profile does not know and rejects missing ones', () => {
    const current: DriftTable = currentTable();
    const extra = { ...current, features: { ...current.features, extra: new Float64Array(90) } };
    expect(Object.keys(computeDriftReport(profile, extra).features)).toEqual(FEATURES);
    const { f_mild: _dropped, ...fewer } = current.features;
    expect(() => computeDriftReport(profile, { ...current, features: fewer })).toThrow(
      /computeDriftReport requires feature column "f_mild"/,
    );
  });

  it('reports no dataset drift for a profile without features', () => {
    const empty = fitReferenceProfile(referenceTable(), []);
    expect(computeDriftReport(empty, currentTable()).dataset).toMatchObject({
      driftedFeatures: 0,
      totalFeatures: 0,
      share: 0,
      drifted: false,
    });
  });
});
