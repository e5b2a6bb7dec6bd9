/**
 * Forest prediction in TypeScript, mirroring onnxruntime's TreeEnsembleClassifier: inputs are
 * rounded to float32, a node sends x left when x ≤ threshold (NaN goes right), class weights are
 * summed over trees, and the label is the first class with the largest score.
 */
import { PROBABILITY_UNITS } from './forest-types.js';
import type { DecisionTree, RandomForest } from './forest-types.js';

const UNIT = 1 / PROBABILITY_UNITS;

/** The leaf row of `tree` reached by the row starting at `offset` of `values`. */
function leafOf(tree: DecisionTree, values: ArrayLike<number>, offset: number): number {
  let node = 0;
  let feature = tree.feature[0]!;
  while (feature >= 0) {
    node =
      Math.fround(values[offset + feature]!) <= tree.threshold[node]!
        ? tree.left[node]!
        : tree.right[node]!;
    feature = tree.feature[node]!;
  }
  return tree.leafRow[node]!;
}

/** Adds the forest's integer class units for one row into `scores` (length = classes). */
function accumulateUnits(
  model: RandomForest,
  values: ArrayLike<number>,
  offset: number,
  scores: Float64Array,
): void {
  const C = model.classLabels.length;
  scores.fill(0);
  for (const tree of model.trees) {
    const base = leafOf(tree, values, offset) * C;
    for (let c = 0; c < C; c++) scores[c]! += tree.leafUnits[base + c]!;
  }
}

/**
 * Class probabilities of one row: the mean over trees of the leaf class distributions (stored as
 * integer units, see PROBABILITY_UNITS), in model.classLabels order. Every value is an exact
 * float32 and the row sums to 1.
 * Cost: O(trees · depth + trees · classes). Throws when the row length differs from the model's.
 */
export function predictProba(model: RandomForest, row: ArrayLike<number>): number[] {
  if (row.length !== model.featureCount) {
    throw new Error(`predictProba requires ${model.featureCount} features, got ${row.length}`);
  }
  const scores = new Float64Array(model.classLabels.length);
  accumulateUnits(model, row, 0, scores);
  return Array.from(scores, (units) => units * UNIT);
}

/**
 * predictProba for a row-major float32 matrix [n × featureCount]; returns [n × classes]
 * row-major, the layout of onnxruntime's probabilities tensor.
 * Cost: O(n · trees · depth). Throws when the length is not a multiple of featureCount.
 */
export function predictProbaBatch(model: RandomForest, features: Float32Array): Float32Array {
  const F = model.featureCount;
  const C = model.classLabels.length;
  if (features.length % F !== 0) {
    throw new Error(`predictProbaBatch requires a multiple of ${F} values, got ${features.length}`);
  }
  const n = features.length / F;
  const out = new Float32Array(n * C);
  const scores = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    accumulateUnits(model, features, i * F, scores);
    for (let c = 0; c < C; c++) out[i * C + c] = scores[c]! * UNIT;
  }
  return out;
}

/**
 * Index of the largest value, the first one on ties: onnxruntime's TreeEnsembleClassifier picks
 * its label this way (a later class must score strictly higher to win).
 * Cost: O(length). Throws on an empty list.
 */
export function argmaxFirst(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('argmaxFirst requires at least one value');
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Predicted label of one row: argmaxFirst of predictProba. Throws as predictProba does. */
export function predictLabel(model: RandomForest, row: ArrayLike<number>): string {
  return model.classLabels[argmaxFirst(predictProba(model, row))]!;
}

/** predictLabel for a row-major float32 matrix [n × featureCount]. Throws as predictProbaBatch. */
export function predictLabelBatch(model: RandomForest, features: Float32Array): string[] {
  const C = model.classLabels.length;
  const probabilities = predictProbaBatch(model, features);
  const labels: string[] = [];
  for (let i = 0; i < probabilities.length; i += C) {
    labels.push(model.classLabels[argmaxFirst(probabilities.subarray(i, i + C))]!);
  }
  return labels;
}
