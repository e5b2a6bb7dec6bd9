/**
 * Benjamini–Hochberg adjusted p-values, as `scipy.stats.false_discovery_control(p, method="bh")`:
 * the i-th smallest p is scaled by m / i, a running minimum from the largest p down makes the
 * adjusted values monotone, and results are clipped to 1. Output is in input order.
 * Reference: Benjamini & Hochberg (1995), J. R. Stat. Soc. B 57(1).
 *
 * O(m log m). Throws when a p-value is NaN or outside [0, 1].
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`benjaminiHochberg requires p-values in [0, 1], got ${p}`);
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => pValues[a]! - pValues[b]! || a - b,
  );
  const adjusted = new Float64Array(m);
  let runningMin = Number.POSITIVE_INFINITY;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1]!;
    runningMin = Math.min(runningMin, pValues[index]! * (m / rank));
    adjusted[index] = Math.min(runningMin, 1);
  }
  return adjusted;
}
