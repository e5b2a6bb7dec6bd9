import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../core/src/retry/retry-delay.js';

const policy = { baseMs: 100, maxMs: 1000 };

describe('retryDelayMs', () => {
  it('is the backoff when the server asked for nothing', () => {
    expect(retryDelayMs(2, policy, undefined, () => 0.25)).toBe(50);
  });

  it('waits at least what Retry-After asked for', () => {
    expect(retryDelayMs(1, policy, 700, () => 0.25)).toBe(700);
    expect(retryDelayMs(4, policy, 10, () => 0.5)).toBe(400);
  });

  it('never waits longer than maxMs, even when the server asks for more', () => {
    expect(retryDelayMs(1, policy, 3_600_000, () => 0)).toBe(1000);
  });
});
