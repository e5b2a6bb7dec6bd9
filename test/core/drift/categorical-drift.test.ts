import { describe, expect, it } from 'vitest';
import { categoricalDrift } from '../../../core/src/drift/categorical-drift.js';
import { resolveThresholds } from '../../../core/src/drift/decision-rules.js';

const thresholds = resolveThresholds();
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('categoricalDrift', () => {
  it('is null when either side is absent or empty', () => {
    expect(categoricalDrift(null, counts({ a: 1 }), thresholds)).toBeNull();
    expect(categoricalDrift(counts({ a: 1 }), null, thresholds)).toBeNull();
    expect(categoricalDrift(counts({ a: 3 }), new Map(), thresholds)).toBeNull();
  });

  it('decides on the chi-square p-value against α', () => {
    const shifted = categoricalDrift(
      counts({ a: 90, b: 10 }),
      counts({ a: 10, b: 90 }),
      thresholds,
    )!;
    expect(shifted.chiSquare.pValue).toBeLessThan(0.05);
    expect(shifted.drifted).toBe(true);
    const same = categoricalDrift(counts({ a: 50, b: 50 }), counts({ b: 5, a: 5 }), thresholds)!;
    expect(same).toMatchObject({
      chiSquare: { statistic: 0, dof: 1, pValue: 1 },
      jensenShannon: 0,
      psi: 0,
      drifted: false,
    });
    expect(same.decision).toMatchObject({ method: 'chi-square', pValue: 1, inflation: 1 });
  });

  it('deflates the statistic by the calibration’s inflation before deciding', () => {
    const reference = counts({ a: 500, b: 500 });
    const current = counts({ a: 65, b: 35 });
    const plain = categoricalDrift(reference, current, thresholds)!;
    const clustered = categoricalDrift(reference, current, thresholds, 4)!;
    // The exact test is published unchanged; only the decision sees the inflation.
    expect(clustered.chiSquare).toEqual(plain.chiSquare);
    expect(plain.drifted).toBe(true);
    expect(clustered.drifted).toBe(false);
    expect(clustered.decision).toMatchObject({ method: 'chi-square-calibrated', inflation: 4 });
    // chi2.ppf(0.95, 1) = 3.841458820694124 (scipy), times the inflation.
    expect(clustered.decision!.threshold).toBeCloseTo(4 * 3.841458820694124, 9);
    expect(clustered.decision!.pValue).toBeGreaterThan(0.05);
  });
});
