import { describe, expect, it } from 'vitest';
import type { ReportPoint } from './run-spec.js';
import { estimateError, lowestEstimate, lowestHeld } from './summarise-run.js';

function point(p: Partial<ReportPoint>): ReportPoint {
  return {
    t: 0,
    driftedFeatures: 0,
    predictionPValue: null,
    labelPValue: null,
    predictionDecisionPValue: null,
    labelDecisionPValue: null,
    minColumnDecisionPValue: null,
    minColumn: null,
    familyPValue: null,
    accuracy: null,
    estimatedAccuracy: null,
    realizedAccuracy: null,
    realizedInsideBand: null,
    estimatedBalancedAccuracy: null,
    estimatedMacroF1: null,
    ...p,
  };
}

describe('estimateError', () => {
  it('reads the median, the 90th percentile and the band share over reports with both values', () => {
    const points = [
      // Errors 0.01, 0.02, …, 0.10, the odd ones inside the band.
      ...Array.from({ length: 10 }, (_, i) =>
        point({
          estimatedAccuracy: 0.8,
          realizedAccuracy: 0.8 - (i + 1) / 100,
          realizedInsideBand: i % 2 === 0,
        }),
      ),
      point({ estimatedAccuracy: 0.5 }),
      point({ realizedAccuracy: 0.5 }),
    ];
    const e = estimateError(points)!;
    expect(e.reports).toBe(10);
    expect(e.medianAbsError).toBeCloseTo(0.06, 12);
    expect(e.p90AbsError).toBeCloseTo(0.1, 12);
    expect(e.insideBand).toBe(0.5);
  });

  it('is null without a report that has both values', () => {
    expect(estimateError([point({ estimatedAccuracy: 0.7 })])).toBeNull();
  });
});

describe('lowestEstimate', () => {
  it('takes each metric’s own minimum and skips reports without an estimate', () => {
    const points = [
      point({ estimatedAccuracy: 0.8, estimatedBalancedAccuracy: 0.7, estimatedMacroF1: 0.9 }),
      point({ estimatedAccuracy: 0.9, estimatedBalancedAccuracy: 0.6, estimatedMacroF1: 0.75 }),
      point({}),
    ];
    expect(lowestEstimate(points)).toEqual({
      accuracy: 0.8,
      balancedAccuracy: 0.6,
      f1Macro: 0.75,
    });
    expect(lowestEstimate([point({})])).toBeNull();
  });
});

describe('lowestHeld', () => {
  const series = (values: (number | null)[]) =>
    values.map((familyPValue, i) => point({ t: 10 * (i + 1), familyPValue }));
  const family = (p: ReportPoint) => p.familyPValue;

  it('takes the highest value over each span of for: seconds, then the lowest of those', () => {
    // A 60 s for: spans seven reports 10 s apart. The dip 0.001–0.004 lasts six reports only.
    const dip = series([0.5, 0.2, 0.001, 0.002, 0.003, 0.004, 0.002, 0.001, 0.3, 0.4, 0.6]);
    expect(lowestHeld(dip, family, 60)).toBe(0.2);
    expect(lowestHeld(dip, family, 50)).toBe(0.004);
    expect(lowestHeld(dip, family, 0)).toBe(0.001);
  });

  it('skips spans with a missing value or running past the last report', () => {
    expect(lowestHeld(series([0.001, null, 0.002, 0.003]), family, 10)).toBe(0.003);
    expect(lowestHeld(series([0.001, 0.002]), family, 60)).toBeNull();
  });
});
