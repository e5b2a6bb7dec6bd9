/** Grows one decision tree of the forest on a bootstrap sample of the binned training set. */
import type { FeatureBins } from './feature-bins.js';
import type { DecisionTree } from './forest-types.js';
import { apportionUnits } from './leaf-units.js';
import type { Rng } from '@driftwatch/core/random/prng';
import { findBestSplit } from './split-search.js';
import type { NodeRange, NodeSamples, SplitRules, SplitScratch } from './split-search.js';

/** Tree-level settings, resolved by trainForest. */
export interface TreeRules extends SplitRules {
  maxDepth: number;
  minSamplesSplit: number;
  bootstrap: boolean;
  /** Probability units this tree's leaves share (see treeUnitBudget). */
  unitBudget: number;
}

interface PendingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
}

/** Draws bootstrap multiplicities (or all ones) and lists the rows that were drawn. */
function drawSample(rowCount: number, bootstrap: boolean, rng: Rng) {
  const weight = new Uint32Array(rowCount);
  if (bootstrap) for (let i = 0; i < rowCount; i++) weight[rng.int(rowCount)]! += 1;
  else weight.fill(1);
  const rows: number[] = [];
  for (let r = 0; r < rowCount; r++) if (weight[r]! > 0) rows.push(r);
  return { weight, rows: Uint32Array.from(rows) };
}

function classTotals(s: NodeSamples, start: number, end: number): NodeRange {
  const totals = new Float64Array(s.classCount);
  let totalWeight = 0;
  for (let i = start; i < end; i++) {
    const row = s.rows[i]!;
    totals[s.classOf[row]!]! += s.weight[row]!;
    totalWeight += s.weight[row]!;
  }
  return { start, end, totals, totalWeight };
}

/** Moves rows going left to the front of the range; returns the first right position. */
function partition(s: NodeSamples, node: NodeRange, feature: number, bin: number): number {
  const codeBase = feature * s.bins.rows;
  let lo = node.start;
  let hi = node.end - 1;
  while (lo <= hi) {
    if (s.bins.codes[codeBase + s.rows[lo]!]! <= bin) lo++;
    else {
      const swap = s.rows[lo]!;
      s.rows[lo] = s.rows[hi]!;
      s.rows[hi--] = swap;
    }
  }
  return lo;
}

function isPure(node: NodeRange): boolean {
  return node.totals.some((t) => t === node.totalWeight);
}

/**
 * Grows a tree depth-first (left child first, nodes numbered in creation order), splitting while
 * depth, size and purity allow and a split lowers the Gini impurity.
 * Cost: O(depth · n · maxFeatures) plus O(bins · classes) per node tried.
 */
export function growTree(
  bins: FeatureBins,
  classOf: Uint16Array,
  classCount: number,
  rules: TreeRules,
  scratch: SplitScratch,
  rng: Rng,
): DecisionTree {
  const { weight, rows } = drawSample(bins.rows, rules.bootstrap, rng);
  // A fresh feature order keeps each tree a function of its own generator only.
  for (let f = 0; f < scratch.featureOrder.length; f++) scratch.featureOrder[f] = f;
  const samples: NodeSamples = { bins, classOf, classCount, weight, rows };
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const leafRow: number[] = [];
  const leafUnits: number[] = [];
  const addNode = () => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    leafRow.push(-1);
    return feature.length - 1;
  };
  const stack: PendingNode[] = [{ id: addNode(), start: 0, end: rows.length, depth: 0 }];
  for (let task = stack.pop(); task; task = stack.pop()) {
    const node = classTotals(samples, task.start, task.end);
    const splittable =
      task.depth < rules.maxDepth && node.totalWeight >= rules.minSamplesSplit && !isPure(node);
    const split = splittable ? findBestSplit(samples, scratch, node, rules, rng) : null;
    if (!split) {
      leafRow[task.id] = leafUnits.length / classCount;
      leafUnits.push(...apportionUnits(node.totals, rules.unitBudget));
      continue;
    }
    const middle = partition(samples, node, split.feature, split.bin);
    feature[task.id] = split.feature;
    threshold[task.id] = bins.thresholds[split.feature * bins.maxBins + split.bin]!;
    left[task.id] = addNode();
    right[task.id] = addNode();
    stack.push({ id: right[task.id]!, start: middle, end: task.end, depth: task.depth + 1 });
    stack.push({ id: left[task.id]!, start: task.start, end: middle, depth: task.depth + 1 });
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float32Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    leafRow: Int32Array.from(leafRow),
    leafUnits: Uint32Array.from(leafUnits),
  };
}
