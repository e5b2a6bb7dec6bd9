/** Input rows that probe a trained forest at its split thresholds and at extreme float32 values. */
import type { RandomForest } from '../../../reference-data/src/model/forest-types.js';
import type { Rng } from '../../../core/src/random/prng.js';
import { nextUp } from './float32-neighbours.js';

const FLOAT32_MAX = Math.fround(3.4028234663852886e38);
const FLOAT32_MIN_SUBNORMAL = Math.fround(1.401298464324817e-45);
export const EXTREME_VALUES = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  FLOAT32_MAX,
  -FLOAT32_MAX,
  FLOAT32_MIN_SUBNORMAL,
  -FLOAT32_MIN_SUBNORMAL,
  0,
  -0,
];

/**
 * Rows that walk one tree from the root, setting each visited node's feature to its threshold
 * (then going left) or to the next float32 above it (going right), starting from a base row.
 */
export function pathThresholdRows(
  model: RandomForest,
  base: Float32Array,
  count: number,
  rng: Rng,
) {
  const F = model.featureCount;
  const rows = new Float32Array(count * F);
  for (let i = 0; i < count; i++) {
    const row = rows.subarray(i * F, (i + 1) * F);
    row.set(base.subarray((i % (base.length / F)) * F, ((i % (base.length / F)) + 1) * F));
    const tree = model.trees[rng.int(model.trees.length)]!;
    for (let node = 0; tree.feature[node]! >= 0; ) {
      const goLeft = rng.next() < 0.5;
      const t = tree.threshold[node]!;
      row[tree.feature[node]!] = goLeft || !Number.isFinite(t) ? t : nextUp(t);
      node = row[tree.feature[node]!]! <= t ? tree.left[node]! : tree.right[node]!;
    }
  }
  return rows;
}

/** Rows whose every feature holds a threshold the forest uses on that feature. */
export function allThresholdRows(model: RandomForest, count: number, rng: Rng) {
  const F = model.featureCount;
  const byFeature: number[][] = Array.from({ length: F }, () => []);
  for (const tree of model.trees) {
    tree.feature.forEach((f, node) => {
      if (f >= 0) byFeature[f]!.push(tree.threshold[node]!);
    });
  }
  const rows = new Float32Array(count * F);
  for (let i = 0; i < count; i++) {
    for (let f = 0; f < F; f++) {
      const options = byFeature[f]!;
      rows[i * F + f] = options.length > 0 ? options[rng.int(options.length)]! : 0;
    }
  }
  return rows;
}

/** One row per extreme value (all features equal), then rows mixing extremes at random. */
export function extremeRows(featureCount: number, mixed: number, rng: Rng) {
  const rows = new Float32Array((EXTREME_VALUES.length + mixed) * featureCount);
  EXTREME_VALUES.forEach((value, i) => {
    rows.fill(value, i * featureCount, (i + 1) * featureCount);
  });
  for (let i = EXTREME_VALUES.length * featureCount; i < rows.length; i++) {
    rows[i] = EXTREME_VALUES[rng.int(EXTREME_VALUES.length)]!;
  }
  return rows;
}
