/**
 * Sum of a count or weight vector, checked for what every categorical statistic needs: finite,
 * non-negative entries and a positive total. `caller` names the function in the error.
 *
 * O(k). Throws on a negative or non-finite entry or a zero total.
 */
export function checkedTotal(values: ArrayLike<number>, caller: string): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new Error(`${caller} requires finite non-negative counts, got ${value}`);
    }
    total += value;
  }
  if (total === 0) throw new Error(`${caller} requires a positive total on each side`);
  return total;
}
