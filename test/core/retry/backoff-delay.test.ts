import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/src/random/prng.js';
import { backoffDelayMs } from '../../../core/src/retry/backoff-delay.js';

const policy = { baseMs: 100, maxMs: 1000 };

describe('backoffDelayMs', () => {
  it('scales the random draw by a cap that doubles per attempt up to maxMs', () => {
    const caps = [1, 2, 3, 4, 5, 6].map(
      (attempt) => backoffDelayMs(attempt, policy, () => 0.5) * 2,
    );
    expect(caps).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('uses full jitter: the draw spans [0, cap)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.999)).toBeCloseTo(399.6, 9);
  });

  it('spreads seeded delays over the whole interval with mean cap/2', () => {
    const random = createRng(42).next;
    const delays = Array.from({ length: 20_000 }, () => backoffDelayMs(2, policy, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(200);
    expect(delays.filter((d) => d < 20).length).toBeGreaterThan(0);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    // Standard error of the mean: 200/√12/√20000 ≈ 0.41 ms; 2 ms is about five of them.
    expect(Math.abs(mean - 100)).toBeLessThan(2);
  });

  it('treats attempts below 1 as the first and stays finite for huge attempts', () => {
    expect(backoffDelayMs(0, policy, () => 0.5)).toBe(50);
    expect(backoffDelayMs(10_000, { baseMs: 1, maxMs: 1e12 }, () => 0.5)).toBe(2 ** 29);
  });

  it('throws for a negative or non-finite bound', () => {
    expect(() => backoffDelayMs(1, { baseMs: -1, maxMs: 10 })).toThrow(/backoffDelayMs requires/);
    expect(() => backoffDelayMs(1, { baseMs: 1, maxMs: Number.NaN })).toThrow(RangeError);
  });
});
