/** Small forests written by hand, for routing and tie-breaking cases training rarely produces. */
import { DEFAULT_FOREST_OPTIONS } from '../../../reference-data/src/model/forest-types.js';
import type { DecisionTree, RandomForest } from '../../../reference-data/src/model/forest-types.js';

/** A tree that is a single leaf. */
export function leafTree(units: number[]): DecisionTree {
  return {
    feature: Int32Array.of(-1),
    threshold: Float32Array.of(0),
    left: Int32Array.of(-1),
    right: Int32Array.of(-1),
    leafRow: Int32Array.of(0),
    leafUnits: Uint32Array.from(units),
  };
}

/** A root split on `feature` at `threshold` with two leaves (left: x ≤ threshold). */
export function stumpTree(
  feature: number,
  threshold: number,
  leftUnits: number[],
  rightUnits: number[],
): DecisionTree {
  return {
    feature: Int32Array.of(feature, -1, -1),
    threshold: Float32Array.of(threshold, 0, 0),
    left: Int32Array.of(1, -1, -1),
    right: Int32Array.of(2, -1, -1),
    leafRow: Int32Array.of(-1, 0, 1),
    leafUnits: Uint32Array.from([...leftUnits, ...rightUnits]),
  };
}

export function forestOf(
  trees: DecisionTree[],
  featureCount: number,
  classLabels: string[],
): RandomForest {
  return {
    algorithm: 'random-forest',
    featureCount,
    classLabels,
    trees,
    options: { ...DEFAULT_FOREST_OPTIONS, trees: trees.length },
  };
}
