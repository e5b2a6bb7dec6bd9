import { describe, expect, it } from 'vitest';
import { formatTextReport } from '../../../monitoring-service/src/cli/format-text-report.js';
import { estimateClassification } from '../../../core/src/drift/estimate-quality.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';

const report: DriftReport = {
  rows: { reference: 10, current: 4 },
  features: {
    long_feature_name: { ks: { statistic: 0.5, pValue: 0.00001234 }, psi: 1.25, drifted: true },
    b: { ks: { statistic: 0.125, pValue: 0.5 }, psi: 0.01, drifted: false },
  },
  dataset: { driftedFeatures: 1, totalFeatures: 2, share: 0.5, drifted: true },
  prediction: null,
  target: null,
  classification: null,
  estimatedClassification: null,
};

describe('formatTextReport', () => {
  it('aligns one row per feature, small p-values in exponent form', () => {
    const lines = formatTextReport(report, 0.05).split('\n');
    expect(lines.slice(2, 5)).toEqual([
      'feature              KS D  p-value     PSI  drifted',
      'long_feature_name  0.5000  1.23e-5  1.2500      yes',
      'b                  0.1250   0.5000  0.0100       no',
    ]);
  });

  it('says why absent sections are absent and ends with the dataset decision', () => {
    const text = formatTextReport(report, 0.05);
    expect(text).toContain('prediction: not compared');
    expect(text).toContain('classification: none');
    expect(text).toContain('estimated:      none (no probabilities');
    expect(text.endsWith('dataset: 1 of 2 features drifted (share 0.50) → DRIFT\n')).toBe(true);
  });

  it('shows the label-free estimate with its accuracy band', () => {
    const identity = { x: Float64Array.of(0, 1), y: Float64Array.of(0, 1) };
    const estimate = estimateClassification(
      { classes: ['a', 'b'], fits: [identity, identity], predictedFits: [null, null] },
      [
        { a: 0.75, b: 0.25 },
        { a: 0.25, b: 0.75 },
      ],
      ['a', 'b'],
    );
    const text = formatTextReport({ ...report, estimatedClassification: estimate }, 0.05);
    const { lower, upper } = estimate.band.accuracy;
    expect(text).toContain(
      `estimated:      2 rows, accuracy 0.7500 (95% band ${lower.toFixed(4)}–${upper.toFixed(4)}), `,
    );
  });
});
