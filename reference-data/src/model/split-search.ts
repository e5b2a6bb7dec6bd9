/**
 * Best Gini split of one tree node over histogram bins. Class weights are integer bootstrap
 * counts, so every sum here is an exact integer and the search is deterministic.
 */
import type { FeatureBins } from './feature-bins.js';
import type { Rng } from '@driftwatch/core/random/prng';

/** What the split search reads; the rows of a node are rows[start..end). */
export interface NodeSamples {
  bins: FeatureBins;
  classOf: Uint16Array;
  classCount: number;
  /** Bootstrap multiplicity per training row. */
  weight: Uint32Array;
  rows: Uint32Array;
}

/** One node: its row range, class weight totals and their sum. */
export interface NodeRange {
  start: number;
  end: number;
  totals: Float64Array;
  totalWeight: number;
}

/** Reusable buffers, sized once per training run. */
export interface SplitScratch {
  hist: Float64Array;
  binTotal: Float64Array;
  leftCounts: Float64Array;
  /** Bins occupied in the node being scanned. */
  occupied: Int32Array;
  featureOrder: Int32Array;
}

/** Rows whose bin code for `feature` is ≤ `bin` go left. */
export interface Split {
  feature: number;
  bin: number;
}

export interface SplitRules {
  maxFeatures: number;
  minSamplesLeaf: number;
}

/** Allocates the buffers of findBestSplit for one training run. */
export function createSplitScratch(bins: FeatureBins, classCount: number): SplitScratch {
  const featureOrder = new Int32Array(bins.featureCount);
  for (let f = 0; f < featureOrder.length; f++) featureOrder[f] = f;
  return {
    hist: new Float64Array(bins.maxBins * classCount),
    binTotal: new Float64Array(bins.maxBins),
    leftCounts: new Float64Array(classCount),
    occupied: new Int32Array(bins.maxBins),
    featureOrder,
  };
}

/** Σ L²/|L| + Σ R²/|R|: larger means lower weighted Gini impurity of the children. */
function giniProxy(left: Float64Array, node: NodeRange, leftWeight: number): number {
  let leftSq = 0;
  let rightSq = 0;
  for (let c = 0; c < left.length; c++) {
    const l = left[c]!;
    const r = node.totals[c]! - l;
    leftSq += l * l;
    rightSq += r * r;
  }
  return leftSq / leftWeight + rightSq / (node.totalWeight - leftWeight);
}

interface Candidate {
  score: number;
  bin: number;
  constant: boolean;
}

/** Adds the node's rows to the histogram of one feature; returns how many bins it occupied. */
function fillHistogram(s: NodeSamples, scratch: SplitScratch, node: NodeRange, feature: number) {
  const { hist, binTotal, occupied } = scratch;
  const C = s.classCount;
  const codeBase = feature * s.bins.rows;
  let used = 0;
  for (let i = node.start; i < node.end; i++) {
    const row = s.rows[i]!;
    const bin = s.bins.codes[codeBase + row]!;
    const w = s.weight[row]!;
    if (binTotal[bin] === 0) occupied[used++] = bin;
    hist[bin * C + s.classOf[row]!]! += w;
    binTotal[bin]! += w;
  }
  return used;
}

/** Scans the occupied bin boundaries of one feature, then clears what fillHistogram filled. */
function scanFeature(
  s: NodeSamples,
  scratch: SplitScratch,
  node: NodeRange,
  feature: number,
  minLeaf: number,
): Candidate {
  const { hist, binTotal, leftCounts } = scratch;
  const C = s.classCount;
  const used = fillHistogram(s, scratch, node, feature);
  // Visiting only occupied bins keeps small nodes cheap: they touch few of the 256 bins.
  const bins = scratch.occupied.subarray(0, used).sort();
  const best: Candidate = { score: -1, bin: -1, constant: used < 2 };
  leftCounts.fill(0);
  let leftWeight = 0;
  for (let k = 0; k < used; k++) {
    const b = bins[k]!;
    if (k > 0 && leftWeight >= minLeaf && node.totalWeight - leftWeight >= minLeaf) {
      const score = giniProxy(leftCounts, node, leftWeight);
      // Any boundary between the two occupied bins splits the node alike; the middle one
      // centres the threshold in the gap, as a midpoint between node values would.
      if (score > best.score) {
        best.score = score;
        best.bin = (bins[k - 1]! + b - 1) >> 1;
      }
    }
    for (let c = 0; c < C; c++) leftCounts[c]! += hist[b * C + c]!;
    leftWeight += binTotal[b]!;
  }
  for (let k = 0; k < used; k++) {
    const b = bins[k]!;
    for (let c = b * C; c < b * C + C; c++) hist[c] = 0;
    binTotal[b] = 0;
  }
  return best;
}

/**
 * Searches features in a fresh random order, as scikit-learn's best splitter does: features that
 * are constant within the node do not count towards `maxFeatures`; the search stops after
 * `maxFeatures` non-constant ones. A split must lower the weighted Gini impurity and leave at least
 * `minSamplesLeaf` weight on each side. Returns null when no split qualifies.
 * Cost: O(maxFeatures · (rows in node + bins + bins · classes)) per call.
 */
export function findBestSplit(
  s: NodeSamples,
  scratch: SplitScratch,
  node: NodeRange,
  rules: SplitRules,
  rng: Rng,
): Split | null {
  const order = scratch.featureOrder;
  let parentSq = 0;
  for (let c = 0; c < s.classCount; c++) parentSq += node.totals[c]! * node.totals[c]!;
  // Relative margin: a split must improve on the parent by more than rounding noise.
  let bestScore = (parentSq / node.totalWeight) * (1 + 1e-12);
  let best: Split | null = null;
  let visited = 0;
  for (let i = 0; i < order.length && visited < rules.maxFeatures; i++) {
    const j = i + rng.int(order.length - i);
    const feature = order[j]!;
    order[j] = order[i]!;
    order[i] = feature;
    const candidate = scanFeature(s, scratch, node, feature, rules.minSamplesLeaf);
    if (candidate.constant) continue;
    visited++;
    if (candidate.bin >= 0 && candidate.score > bestScore) {
      bestScore = candidate.score;
      best = { feature, bin: candidate.bin };
    }
  }
  return best;
}
