/**
 * Rounds to the nearest integer, ties to even, as Python's `round` and numpy's `np.round` do.
 * The original featurizer chose DFT bins with Python rounding; `Math.round` would pick a different
 * bin whenever f·(N−1)/Fs lands exactly on .5.
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
