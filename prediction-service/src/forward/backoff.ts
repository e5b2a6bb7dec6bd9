export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry), "equal jitter": uniform in
 * [cap/2, cap] with cap = min(maxMs, baseMs · 2^(attempt−1)). The fixed half keeps a down receiver
 * from being polled in a tight loop; the random half spreads instances apart.
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return cap / 2 + random() * (cap / 2);
}
