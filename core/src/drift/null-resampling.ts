/**
 * The pieces of one null calibration (see null-calibration.ts): drawing a resampled window from
 * whole reference groups, and the statistics read from each resample and from all of them.
 */
import { alignCategoryCounts, countCategories } from '../stats/category-counts.js';
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js';
import { chiSquareQuantile } from '../stats/chi-square-quantile.js';
import { classificationMetrics } from '../stats/classification-metrics.js';
import { hashUniform } from '../random/hash-uniform.js';
import { linearQuantileSorted } from '../stats/linear-quantile-sorted.js';
import type { NullSource, WindowShape } from './null-calibration.js';

/** The share of drift-free windows allowed below the quality floor. */
const QUALITY_FLOOR_QUANTILE = 0.01;

/** Classification quality of the window's rows that have both a label and a prediction. */
export function qualityOf(source: NullSource, rows: Int32Array) {
  if (!source.target || !source.prediction) return null;
  const truth: string[] = [];
  const predicted: string[] = [];
  for (const row of rows) {
    const label = source.target[row];
    if (label == null) continue;
    truth.push(label);
    predicted.push(source.prediction[row]!);
  }
  return truth.length === 0 ? null : classificationMetrics(truth, predicted);
}

export function lowQuantile(values: number[]): number {
  return linearQuantileSorted(Float64Array.from(values).sort(), QUALITY_FLOOR_QUANTILE);
}

/** Rows of one resampled window: `groups` runs of consecutive rows from groups of `half`. */
export function drawWindow(
  half: readonly Int32Array[],
  shape: WindowShape,
  b: number,
  out: Int32Array,
): void {
  let at = 0;
  for (let g = 0; g < shape.groups; g++) {
    const size =
      Math.floor(((g + 1) * shape.events) / shape.groups) -
      Math.floor((g * shape.events) / shape.groups);
    const group = half[Math.floor(hashUniform(b, g, 1) * half.length)]!;
    const start = Math.floor(hashUniform(b, g, 2) * group.length);
    // A group shorter than the run repeats itself: the safe side, as repeated rows are alike.
    for (let i = 0; i < size; i++) out[at++] = group[(start + i) % group.length]!;
  }
}

export function sortedColumns(
  source: NullSource,
  groups: readonly Int32Array[],
  names: readonly string[],
) {
  return names.map((name) => {
    const column = source.columns[name]!;
    const values: number[] = [];
    for (const group of groups) for (const row of group) values.push(column[row]!);
    return Float64Array.from(values).sort();
  });
}

export function countsOf(labels: readonly (string | null)[] | null, rows: Iterable<number>) {
  const known: string[] = [];
  if (labels) for (const i of rows) if (labels[i] != null) known.push(labels[i]!);
  return countCategories(known);
}

export function chiSquareOf(
  labels: readonly (string | null)[] | null,
  rest: ReadonlyMap<string, number>,
  rows: Int32Array,
): number {
  if (!labels) return 0;
  const window = countsOf(labels, rows);
  if (window.size === 0 || rest.size === 0) return 0;
  const aligned = alignCategoryCounts(rest, window);
  return chiSquareHomogeneity(aligned.reference, aligned.current).statistic;
}

export function inflation(
  resampled: Float64Array,
  labels: readonly (string | null)[] | null,
): number {
  if (!labels) return 1;
  const categories = new Set(labels.filter((l) => l !== null)).size;
  if (categories < 2) return 1;
  const q90 = linearQuantileSorted(resampled.sort(), 0.9);
  return Math.max(1, q90 / chiSquareQuantile(0.9, categories - 1));
}
