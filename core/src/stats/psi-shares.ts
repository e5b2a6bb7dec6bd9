/**
 * Shared arithmetic of numerical and categorical PSI: floored shares and the PSI sum.
 * The floor keeps empty bins finite; shares are not renormalised after flooring (docs/statistics.md).
 */
export const PSI_SHARE_FLOOR = 1e-4;

/** count / total per entry, floored at PSI_SHARE_FLOOR. O(k). */
export function flooredShares(counts: ArrayLike<number>, total: number): Float64Array {
  const shares = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    shares[i] = Math.max(counts[i]! / total, PSI_SHARE_FLOOR);
  }
  return shares;
}

/**
 * Population stability index Σ (c − r)·ln(c / r) of two aligned share vectors.
 *
 * O(k). Throws when the lengths differ.
 */
export function psiFromShares(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (reference.length !== current.length) {
    throw new Error('psiFromShares requires share vectors of equal length');
  }
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const c = current[i]!;
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}
