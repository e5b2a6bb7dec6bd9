/**
 * The two-sided two-sample Kolmogorov–Smirnov statistic D = sup_x |F₁(x) − F₂(x)| of two
 * ascending samples, bit for bit as `scipy.stats.ks_2samp` computes it before any p-value
 * rounding: right-continuous ECDFs evaluated at every pooled value (so after all values tied with
 * it), each difference formed as count₁/n₁ − count₂/n₂, D the larger of the maximum and minus the
 * minimum. Only the points where D can be attained are visited: each distinct current value and
 * the last reference value before it.
 *
 * O(n₁/32 + n₂ + ties) by merging in strides through the reference. Both arrays must be
 * non-empty; `reference` must be ascending (not checked). Returns NaN when `current` is not
 * ascending or not finite, which the merge notices at the cost of one comparison per value.
 */
export function ksStatisticSorted(reference: Float64Array, current: Float64Array): number {
  const n1 = reference.length;
  const n2 = current.length;
  // Differences are ranked as exact integers count₁·n₂ − count₂·n₁; only a new or tied extreme
  // pays for scipy's floating-point form, whose ordering the integers cannot contradict.
  let below = 0; // reference values < v
  let largest = 0;
  let largestFloat = 0;
  let smallest = 0;
  let smallestFloat = 0;
  let k = 0;
  let previous = Number.NEGATIVE_INFINITY;
  while (k < n2) {
    const v = current[k]!;
    if (!(v > previous)) return Number.NaN;
    previous = v;
    below = countBelow(reference, v, below);
    const before = below * n2 - k * n1;
    if (before >= largest) {
      largestFloat = Math.max(before > largest ? 0 : largestFloat, below / n1 - k / n2);
      largest = before;
    }
    let through = below;
    while (through < n1 && reference[through]! <= v) through++;
    let next = k + 1;
    while (next < n2 && current[next] === v) next++;
    const at = through * n2 - next * n1;
    if (at >= largest) {
      largestFloat = Math.max(at > largest ? 0 : largestFloat, through / n1 - next / n2);
      largest = at;
    }
    if (at <= smallest) {
      smallestFloat = Math.min(at < smallest ? 0 : smallestFloat, through / n1 - next / n2);
      smallest = at;
    }
    below = through;
    k = next;
  }
  if (!(previous < Number.POSITIVE_INFINITY)) return Number.NaN;
  return Math.max(-smallestFloat, largestFloat);
}

/**
 * The number of values < v in ascending `a`, given that the first `from` are. Runs of 32 are
 * skipped by a loop; below that, whole blocks of 8 and then single values are counted without
 * branches, so a long reference costs a few comparisons per current value rather than a scan,
 * and rarely a mispredicted branch.
 */
function countBelow(a: Float64Array, v: number, from: number): number {
  const n = a.length;
  let i = from;
  while (i + 32 <= n && a[i + 31]! < v) i += 32;
  if (i + 32 > n) {
    while (i < n && a[i]! < v) i++;
    return i;
  }
  i += 8 * (+(a[i + 7]! < v) + +(a[i + 15]! < v) + +(a[i + 23]! < v));
  return (
    i +
    +(a[i]! < v) +
    +(a[i + 1]! < v) +
    +(a[i + 2]! < v) +
    +(a[i + 3]! < v) +
    +(a[i + 4]! < v) +
    +(a[i + 5]! < v) +
    +(a[i + 6]! < v)
  );
}
