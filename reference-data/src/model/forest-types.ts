/**
 * The random-forest model as plain data. Probabilities are carried as integer "units": every
 * tree's leaves hold class weights that sum to that tree's share of PROBABILITY_UNITS (2^24), so
 * a forest's class scores are integers of at most 2^24. Scaled by 2^-24 they are float32 values
 * whose partial sums are all exact, in any order: onnxruntime's float accumulation, split across
 * threads, then equals the TypeScript prediction bit for bit. The price is a rounding of each
 * leaf distribution to 2^-24 of the forest, at most trees · 2^-24 per class probability.
 */

/** Total probability mass of a forest in units; one unit is 2^-24, the float32 spacing below 1. */
export const PROBABILITY_UNITS = 2 ** 24;

/** One binary tree in flat arrays; node 0 is the root. */
export interface DecisionTree {
  /** Split feature per node; -1 marks a leaf. */
  feature: Int32Array;
  /** float32 split threshold per node: go left when the float32 input is ≤ threshold. */
  threshold: Float32Array;
  /** Left and right child per node (-1 for leaves). */
  left: Int32Array;
  right: Int32Array;
  /** Per node, the row of `leafUnits` holding the leaf's class weights (-1 for internal nodes). */
  leafRow: Int32Array;
  /** Leaf class weights in units, leaves × classes, row-major. */
  leafUnits: Uint32Array;
}

/** Training settings; every field has a default (see DEFAULT_FOREST_OPTIONS). */
export interface ForestOptions {
  /** Number of trees. */
  trees: number;
  /** Deepest split level; the root is depth 0. */
  maxDepth: number;
  /** Fewest bootstrap draws a child may hold. */
  minSamplesLeaf: number;
  /** Fewest bootstrap draws a node needs to be split. */
  minSamplesSplit: number;
  /** Features tried per split; 0 means floor(sqrt(features)). */
  maxFeatures: number;
  /** Histogram bins per feature (2..256). */
  maxBins: number;
  /** Draw each tree's rows with replacement (true) or use every row once (false). */
  bootstrap: boolean;
  seed: number;
}

export const DEFAULT_FOREST_OPTIONS: Readonly<ForestOptions> = Object.freeze({
  trees: 100,
  maxDepth: 24,
  minSamplesLeaf: 3,
  minSamplesSplit: 2,
  maxFeatures: 0,
  maxBins: 256,
  bootstrap: true,
  seed: 42,
});

/** A trained forest: class labels in probability-column order, sorted by code point. */
export interface RandomForest {
  algorithm: 'random-forest';
  featureCount: number;
  classLabels: string[];
  trees: DecisionTree[];
  /** The options it was trained with, defaults filled in. */
  options: ForestOptions;
}
