/**
 * The weighted least-squares non-decreasing fit of a sequence (pool adjacent violators): blocks
 * of neighbouring values that break the order are pooled into their weighted mean until the
 * sequence no longer decreases. Agrees with scikit-learn's `isotonic_regression(y,
 * sample_weight=w)` (increasing, no bounds) to rounding.
 *
 * O(n): every value is pooled at most once. Throws when the lengths differ or a value or
 * weight is not finite, or a weight is not positive.
 */
export function poolAdjacentViolators(
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Float64Array {
  const n = values.length;
  if (weights !== undefined && weights.length !== n) {
    throw new Error('poolAdjacentViolators requires as many weights as values');
  }
  // Blocks on a stack: mean, total weight and first index of each.
  const means = new Float64Array(n);
  const totals = new Float64Array(n);
  const starts = new Int32Array(n);
  let top = -1;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    const weight = weights === undefined ? 1 : weights[i]!;
    if (!Number.isFinite(value)) throw new Error('poolAdjacentViolators requires finite values');
    if (!(weight > 0 && Number.isFinite(weight))) {
      throw new Error('poolAdjacentViolators requires finite positive weights');
    }
    top++;
    means[top] = value;
    totals[top] = weight;
    starts[top] = i;
    while (top > 0 && means[top - 1]! >= means[top]!) {
      const total = totals[top - 1]! + totals[top]!;
      means[top - 1] = (means[top - 1]! * totals[top - 1]! + means[top]! * totals[top]!) / total;
      totals[top - 1] = total;
      top--;
    }
  }
  const fitted = new Float64Array(n);
  for (let block = top; block >= 0; block--) {
    const end = block === top ? n : starts[block + 1]!;
    fitted.fill(means[block]!, starts[block]!, end);
  }
  return fitted;
}
