/**
 * The q-quantile of ascending values with numpy's default ("linear", Hyndman & Fan type 7)
 * interpolation, reproducing `numpy.quantile(values, q)` bit for bit: virtual index (n − 1)·q,
 * and the interpolation is taken from the upper neighbour when the fraction is at least 0.5, as
 * numpy's `_lerp` does, so that values equal to a data point come out exactly.
 *
 * O(1). Throws when `sorted` is empty or q is outside [0, 1]. Does not check the order.
 */
export function linearQuantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('linearQuantileSorted requires at least one value');
  if (!(q >= 0 && q <= 1)) throw new Error(`linearQuantileSorted requires 0 ≤ q ≤ 1, got ${q}`);
  const index = (n - 1) * q;
  if (index >= n - 1) return sorted[n - 1]!;
  const below = Math.floor(index);
  const fraction = index - below;
  const low = sorted[below]!;
  const high = sorted[below + 1]!;
  const span = high - low;
  return fraction >= 0.5 ? high - span * (1 - fraction) : low + span * fraction;
}
