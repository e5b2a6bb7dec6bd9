/** How retries back off: the first retry waits up to `baseMs`, each later one up to twice as long. */
export interface BackoffPolicy {
  readonly baseMs: number;
  /** No wait is longer than this, whatever the attempt or the server's Retry-After. */
  readonly maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): exponential backoff with full jitter,
 * uniform in [0, cap) with cap = min(maxMs, baseMs · 2^(attempt−1)). Full jitter spreads the
 * retries of many clients that failed together over the whole interval, which empties a
 * recovering receiver's backlog fastest (the AWS Architecture Blog's comparison of jitter
 * schemes). `random` returns uniform values in [0, 1); pass a seeded one for reproducible
 * delays. O(1). Throws RangeError for a policy with a negative or non-finite bound.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const { baseMs, maxMs } = policy;
  if (!(baseMs >= 0 && maxMs >= 0 && Number.isFinite(baseMs) && Number.isFinite(maxMs))) {
    throw new RangeError(
      `backoffDelayMs requires finite baseMs, maxMs ≥ 0, got ${baseMs}, ${maxMs}`,
    );
  }
  // 2^30 base delays exceed any sensible maxMs; the clamp keeps the power finite.
  const exponent = Math.min(Math.max(Math.floor(attempt) - 1, 0), 30);
  const cap = Math.min(maxMs, baseMs * 2 ** exponent);
  return random() * cap;
}
