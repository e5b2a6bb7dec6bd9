/**
 * An ascending Float64Array copy of `values`, each checked to be finite. A bucket sort: values
 * are dealt into 2·length buckets by their linear position between the minimum and maximum, and
 * one insertion pass puts each bucket in order; input too clustered for that (over 8 moves per
 * value) goes to the built-in sort. About three times as fast as `Float64Array.from(v).sort()`
 * for a thousand values, which matters when a KS test against a sorted reference is otherwise
 * only a merge.
 *
 * O(m) for values without heavy clusters, O(m log m) at worst; −0 sorts next to +0 in either
 * order. Throws a RangeError naming `caller` and the offending `label[index]` for NaN or ±∞.
 */
export function sortedFiniteCopy(
  values: ArrayLike<number>,
  caller: string,
  label: string,
): Float64Array {
  const out = new Float64Array(values.length);
  sortFiniteInto(values, out, caller, label);
  return out;
}

/**
 * `sortedFiniteCopy` into the first values.length entries of `out` (at least that long), for
 * callers that reuse one buffer. Allocates nothing once its scratch space has grown to the size.
 */
export function sortFiniteInto(
  values: ArrayLike<number>,
  out: Float64Array,
  caller: string,
  label: string,
): void {
  const m = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(`${caller} requires finite values; ${label}[${i}] is ${v}`);
    }
    out[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = m / (max - min);
  if (m < SMALL || !(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
    if (min < max) out.subarray(0, m).sort();
    return;
  }
  bucketSort(out, m, min, scale);
}

const SMALL = 64;
/** Insertion moves allowed per value before a badly clustered input goes to the built-in sort. */
const MOVES_PER_VALUE = 8;
let keyBuffer = new Int32Array(0);
let startBuffer = new Int32Array(0);
let scratchBuffer = new Float64Array(0);

/** Deals the first m values of `out` into 2m buckets, then finishes with one insertion pass. */
function bucketSort(out: Float64Array, m: number, min: number, scale: number): void {
  const buckets = 2 * m;
  if (keyBuffer.length < m) {
    keyBuffer = new Int32Array(m);
    startBuffer = new Int32Array(buckets + 1);
    scratchBuffer = new Float64Array(m);
  }
  const keys = keyBuffer;
  const starts = startBuffer;
  const scratch = scratchBuffer;
  starts.fill(0, 0, buckets + 1);
  const bucketScale = 2 * scale;
  for (let i = 0; i < m; i++) {
    const v = out[i]!;
    // (v − min)·bucketScale ≤ 2m (plus rounding) < 2³¹, as v ≤ max.
    let key = ((v - min) * bucketScale) | 0;
    if (key >= buckets) key = buckets - 1;
    keys[i] = key;
    starts[key + 1]!++;
    scratch[i] = v;
  }
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  for (let i = 0; i < m; i++) out[starts[keys[i]!]!++] = scratch[i]!;
  insertionSort(out, m);
}

/** Insertion sort of a nearly sorted prefix; falls back to the built-in sort if it is not. */
function insertionSort(a: Float64Array, m: number): void {
  let budget = MOVES_PER_VALUE * m;
  for (let i = 1; i < m; i++) {
    const v = a[i]!;
    let j = i - 1;
    if (!(a[j]! > v)) continue;
    do {
      a[j + 1] = a[j]!;
      j--;
    } while (j >= 0 && a[j]! > v);
    a[j + 1] = v;
    budget -= i - 1 - j;
    if (budget < 0) {
      a.subarray(0, m).sort();
      return;
    }
  }
}
