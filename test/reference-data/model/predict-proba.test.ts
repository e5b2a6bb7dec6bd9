import { describe, expect, it } from 'vitest';
import { PROBABILITY_UNITS } from '../../../reference-data/src/model/forest-types.js';
import {
  argmaxFirst,
  predictLabel,
  predictLabelBatch,
  predictProba,
  predictProbaBatch,
} from '../../../reference-data/src/model/predict-proba.js';
import { nextDown, nextUp } from './float32-neighbours.js';
import { forestOf, leafTree, stumpTree } from './handmade-forest.js';

const HALF = PROBABILITY_UNITS / 2;
const LABELS = ['a', 'b', 'c'];
const threshold = Math.fround(0.1);
// One stump on feature 1: left sends all of its half to class a, right to class c.
const forest = forestOf(
  [stumpTree(1, threshold, [HALF, 0, 0], [0, 0, HALF]), leafTree([0, HALF, 0])],
  2,
  LABELS,
);

describe('predictProba', () => {
  it('sends a value equal to the threshold left and its float32 successor right', () => {
    expect(predictProba(forest, [0, threshold])).toEqual([0.5, 0.5, 0]);
    expect(predictProba(forest, [0, nextDown(threshold)])).toEqual([0.5, 0.5, 0]);
    expect(predictProba(forest, [0, nextUp(threshold)])).toEqual([0, 0.5, 0.5]);
  });

  it('compares the float32 rounding of double inputs, as a float tensor would carry them', () => {
    const roundsToThreshold = threshold + 1e-12;
    expect(roundsToThreshold > threshold).toBe(true);
    expect(predictProba(forest, [0, roundsToThreshold])).toEqual([0.5, 0.5, 0]);
  });

  it('sends NaN and +Infinity right and -Infinity left', () => {
    expect(predictProba(forest, [0, Number.NaN])).toEqual([0, 0.5, 0.5]);
    expect(predictProba(forest, [0, Number.POSITIVE_INFINITY])).toEqual([0, 0.5, 0.5]);
    expect(predictProba(forest, [0, Number.NEGATIVE_INFINITY])).toEqual([0.5, 0.5, 0]);
  });

  it('agrees with the batch form row by row', () => {
    const rows = Float32Array.from([0, 0, 0, 1, 5, Number.NaN]);
    const batch = predictProbaBatch(forest, rows);
    for (let i = 0; i < 3; i++) {
      expect(Array.from(batch.subarray(i * 3, i * 3 + 3))).toEqual(
        predictProba(forest, rows.subarray(i * 2, i * 2 + 2)),
      );
    }
  });

  it('rejects rows of the wrong length', () => {
    expect(() => predictProba(forest, [1, 2, 3])).toThrow(/predictProba requires 2 features/);
    expect(() => predictProbaBatch(forest, new Float32Array(3))).toThrow(/multiple of 2/);
  });
});

describe('argmaxFirst and predictLabel', () => {
  it('picks the lowest index among equal maxima, as onnxruntime does', () => {
    expect(argmaxFirst([0.2, 0.4, 0.4])).toBe(1);
    expect(argmaxFirst([0.5, 0, 0.5])).toBe(0);
    expect(argmaxFirst([0, 0, 1])).toBe(2);
    expect(() => argmaxFirst([])).toThrow(/argmaxFirst requires at least one value/);
  });

  it('labels a tied row with the first tied class', () => {
    expect(predictLabel(forest, [0, 0])).toBe('a');
    expect(predictLabel(forest, [0, 1])).toBe('b');
    expect(predictLabelBatch(forest, Float32Array.from([0, 0, 0, 1]))).toEqual(['a', 'b']);
  });
});
