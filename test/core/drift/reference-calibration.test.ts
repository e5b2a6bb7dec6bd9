import { describe, expect, it } from 'vitest';
import type { DriftTable } from '../../../core/src/drift/engine-api.js';
import { estimateTableQuality } from '../../../core/src/drift/estimate-table-quality.js';
import { estimateClassification } from '../../../core/src/drift/estimate-quality.js';
import { fitReferenceCalibration } from '../../../core/src/drift/reference-calibration.js';
import { fitIsotonicCalibration } from '../../../core/src/stats/isotonic-calibration.js';

const probabilities = [0.2, 0.4, 0.6, 0.8, 0.9].map((b) => ({ b, a: 1 - b }));
const reference: DriftTable = {
  rowCount: 5,
  features: {},
  prediction: ['a', 'a', 'b', 'b', 'b'],
  target: ['a', 'b', 'b', 'b', null],
  probabilities,
};

describe('fitReferenceCalibration', () => {
  it('calibrates on the labelled rows with probabilities, classes in code-point order', () => {
    const calibration = fitReferenceCalibration(reference)!;
    const labelled = probabilities.slice(0, 4);
    const expected = fitIsotonicCalibration(
      ['a', 'b'],
      labelled,
      ['a', 'b', 'b', 'b'],
      ['a', 'a', 'b', 'b'],
    );
    expect(calibration).toEqual(expected);
  });

  it('is null without probabilities, targets or labelled rows', () => {
    expect(fitReferenceCalibration({ ...reference, probabilities: undefined })).toBeNull();
    expect(fitReferenceCalibration({ ...reference, target: undefined })).toBeNull();
    expect(
      fitReferenceCalibration({ ...reference, target: reference.target!.map(() => null) }),
    ).toBeNull();
  });
});

describe('estimateTableQuality', () => {
  const calibration = fitReferenceCalibration(reference)!;

  it('estimates over the rows that have probabilities, labelled or not', () => {
    const current: DriftTable = {
      rowCount: 3,
      features: {},
      prediction: ['a', 'b', 'b'],
      probabilities: [{ a: 0.7, b: 0.3 }, null, { a: 0.1, b: 0.9 }],
    };
    const expected = estimateClassification(
      calibration,
      [
        { a: 0.7, b: 0.3 },
        { a: 0.1, b: 0.9 },
      ],
      ['a', 'b'],
    );
    expect(estimateTableQuality(calibration, current)).toEqual(expected);
    expect(expected.rows).toBe(2);
  });

  it('is null without a calibration or without rows with probabilities', () => {
    const bare: DriftTable = { rowCount: 1, features: {}, prediction: ['a'] };
    expect(estimateTableQuality(null, reference)).toBeNull();
    expect(estimateTableQuality(calibration, bare)).toBeNull();
    expect(estimateTableQuality(calibration, { ...bare, probabilities: [null] })).toBeNull();
  });
});
