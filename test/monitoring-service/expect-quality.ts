import { expect } from 'vitest';
import type { ClassificationQuality } from '../../core/src/stats/classification-types.js';
import { expectClose } from './expect-close.js';

/** Compares a computed quality with scikit-learn's, numbers to 1e-9 and counts exactly. */
export function expectQuality(actual: ClassificationQuality, expected: ClassificationQuality) {
  expect(actual.labels).toEqual(expected.labels);
  expect(actual.confusionMatrix).toEqual(expected.confusionMatrix);
  expectClose(actual.accuracy, expected.accuracy, 'accuracy');
  expectClose(actual.balancedAccuracy, expected.balancedAccuracy, 'balancedAccuracy');
  for (const average of ['macro', 'weighted'] as const) {
    for (const score of ['precision', 'recall', 'f1'] as const) {
      expectClose(actual[average][score], expected[average][score], `${average}.${score}`);
    }
  }
  expect(Object.keys(actual.perClass)).toEqual(expected.labels);
  for (const label of expected.labels) {
    const got = actual.perClass[label]!;
    const want = expected.perClass[label]!;
    expect(got.support, `${label}.support`).toBe(want.support);
    for (const score of ['precision', 'recall', 'f1'] as const) {
      expectClose(got[score], want[score], `${label}.${score}`);
    }
  }
}
