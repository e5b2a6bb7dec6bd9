/**
 * Histogram binning of the training matrix. Each feature's training values are cut into at most
 * `maxBins` ordered bins; a split "bin ≤ b" becomes the float32 test "x ≤ threshold", where the
 * threshold lies between the largest training value of bin b and the smallest of bin b + 1, so
 * both tests send every training row the same way.
 */

/** The binned training matrix. */
export interface FeatureBins {
  rows: number;
  featureCount: number;
  maxBins: number;
  /** Bin code per value, feature-major: codes[f * rows + r]. */
  codes: Uint8Array;
  /** Bins per feature. */
  binCount: Int32Array;
  /** float32 threshold between bin b and b + 1 of feature f, at f * maxBins + b. */
  thresholds: Float32Array;
}

/**
 * A float32 value t with lo ≤ t < hi, near the midpoint, for float32 values lo < hi: the rounded
 * midpoint, or lo itself when rounding lands on hi (adjacent floats).
 * Cost: O(1). Throws when lo < hi does not hold.
 */
export function float32Between(lo: number, hi: number): number {
  if (!(lo < hi)) throw new Error(`float32Between requires lo < hi, got ${lo} and ${hi}`);
  const mid = Math.fround(lo / 2 + hi / 2);
  return mid < hi ? mid : lo;
}

/** Upper edges of the bins: every distinct value, or quantile cut values when there are more. */
function binUppers(sorted: Float32Array, maxBins: number): number[] {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length && distinct.length <= maxBins; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  }
  if (distinct.length <= maxBins) return distinct;
  const uppers: number[] = [];
  for (let b = 1; b <= maxBins; b++) {
    const value = sorted[Math.ceil((b * sorted.length) / maxBins) - 1]!;
    if (uppers.length === 0 || value !== uppers[uppers.length - 1]) uppers.push(value);
  }
  return uppers;
}

/** Index of the first upper edge ≥ value (the value's bin). */
function binOf(uppers: readonly number[], value: number): number {
  let lo = 0;
  let hi = uppers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (uppers[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bins a row-major float32 matrix [rows × featureCount] by per-feature quantiles.
 * Cost: O(F · n log n) for the sorts. Throws on NaN (a split cannot place it) and on maxBins
 * outside 2..256.
 */
export function binFeatures(
  features: Float32Array,
  rows: number,
  featureCount: number,
  maxBins: number,
): FeatureBins {
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 256) {
    throw new Error(`binFeatures requires maxBins in 2..256, got ${maxBins}`);
  }
  const codes = new Uint8Array(rows * featureCount);
  const binCount = new Int32Array(featureCount);
  const thresholds = new Float32Array(featureCount * maxBins);
  const column = new Float32Array(rows);
  for (let f = 0; f < featureCount; f++) {
    for (let r = 0; r < rows; r++) column[r] = features[r * featureCount + f]!;
    const sorted = column.slice().sort();
    if (Number.isNaN(sorted[rows - 1])) {
      throw new Error(`binFeatures requires no NaN values (feature ${f})`);
    }
    const uppers = binUppers(sorted, maxBins);
    binCount[f] = uppers.length;
    let next = 0;
    for (let b = 0; b + 1 < uppers.length; b++) {
      while (sorted[next]! <= uppers[b]!) next++;
      thresholds[f * maxBins + b] = float32Between(uppers[b]!, sorted[next]!);
    }
    for (let r = 0; r < rows; r++) codes[f * rows + r] = binOf(uppers, column[r]!);
  }
  return { rows, featureCount, maxBins, codes, binCount, thresholds };
}
