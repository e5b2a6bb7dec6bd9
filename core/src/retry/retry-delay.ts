import { type BackoffPolicy, backoffDelayMs } from './backoff-delay.js';

/**
 * The wait before retry number `attempt`: the full-jitter backoff, but at least what the
 * server's Retry-After asked for (`retryAfterMs`, when it sent one), and at most
 * `policy.maxMs`, so that a server asking for an hour does not stall a client configured to
 * retry within seconds. O(1).
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const backoff = backoffDelayMs(attempt, policy, random);
  return Math.min(policy.maxMs, Math.max(backoff, retryAfterMs ?? 0));
}
