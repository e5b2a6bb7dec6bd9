/** Random-forest training on a float32 feature matrix with string class labels. */
import { createRng, deriveSeed } from '@driftwatch/core/random/prng';
import { binFeatures } from './feature-bins.js';
import { resolveForestOptions } from './forest-options.js';
import type { ForestOptions, RandomForest } from './forest-types.js';
import { growTree } from './grow-tree.js';
import { treeUnitBudget } from './leaf-units.js';
import { createSplitScratch } from './split-search.js';

/** Sorted distinct labels and each row's index into them. */
function encodeLabels(labels: readonly string[]): { classLabels: string[]; classOf: Uint16Array } {
  const classLabels = [...new Set(labels)].sort();
  if (classLabels.length < 2 || classLabels.length > 65535) {
    throw new Error(`trainForest requires 2..65535 distinct labels, got ${classLabels.length}`);
  }
  const index = new Map(classLabels.map((label, i) => [label, i]));
  return { classLabels, classOf: Uint16Array.from(labels, (label) => index.get(label)!) };
}

/**
 * Trains a random forest (Breiman 2001, as scikit-learn's RandomForestClassifier): each tree is
 * grown on a bootstrap sample, trying `maxFeatures` random features per split and choosing the
 * Gini-best threshold among histogram bin boundaries (at most `maxBins` quantile bins per
 * feature, fitted once on all rows). Thresholds are float32 values strictly between the training
 * values they separate. Every random draw comes from core's seeded generator (`createRng`), so the
 * same inputs and seed give an identical model.
 *
 * `features` is row-major [rows × featureCount] with rows = labels.length. Class labels are
 * sorted (Array.prototype.sort order) and give the probability columns.
 * Cost: O(F · n log n) to bin, then O(trees · depth · n · maxFeatures).
 * Throws when the matrix shape does not match the labels, a value is NaN, fewer than two classes
 * occur, or an option is out of range.
 */
export function trainForest(
  features: Float32Array,
  labels: readonly string[],
  options: Partial<ForestOptions> = {},
): RandomForest {
  const rows = labels.length;
  if (rows < 2 || features.length % rows !== 0 || features.length === 0) {
    throw new Error('trainForest requires at least 2 rows and features.length = rows × features');
  }
  const featureCount = features.length / rows;
  const resolved = resolveForestOptions(options, featureCount);
  const { classLabels, classOf } = encodeLabels(labels);
  const bins = binFeatures(features, rows, featureCount, resolved.maxBins);
  const scratch = createSplitScratch(bins, classLabels.length);
  const trees = [];
  for (let t = 0; t < resolved.trees; t++) {
    // One stream per tree, derived from the seed and the tree's index: a tree depends on those only.
    const rules = { ...resolved, unitBudget: treeUnitBudget(t, resolved.trees) };
    const rng = createRng(deriveSeed(resolved.seed, 'tree', t));
    trees.push(growTree(bins, classOf, classLabels.length, rules, scratch, rng));
  }
  return { algorithm: 'random-forest', featureCount, classLabels, trees, options: resolved };
}
