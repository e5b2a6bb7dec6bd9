import { describe, expect, it } from 'vitest';
import { classificationMetrics } from '../../../core/src/stats/classification-metrics.js';
import type { ClassificationQuality } from '../../../core/src/stats/classification-types.js';
import { readFixture } from '../../helpers/fixtures.js';
import { expectQuality } from '../../monitoring-service/expect-quality.js';

interface ClassificationCase {
  name: string;
  truth: string[];
  predicted: string[];
  expected: ClassificationQuality;
}

const { cases } = readFixture<{ cases: ClassificationCase[] }>('stats/classification.json');

describe('classificationMetrics', () => {
  it.each(cases.map((c) => [c.name, c] as const))('matches scikit-learn: %s', (_, c) => {
    expectQuality(classificationMetrics(c.truth, c.predicted), c.expected);
  });

  it('rejects empty and mismatched inputs', () => {
    expect(() => classificationMetrics([], [])).toThrow(/at least one row/);
    expect(() => classificationMetrics(['a'], [])).toThrow(/equal length/);
  });
});
