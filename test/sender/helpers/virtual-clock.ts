/**
 * A Clock in virtual time for sender tests: sleeping advances the time at once (after yielding
 * to pending I/O), so a paced run takes as long as its requests and no real sleep happens.
 */
import type { Clock } from '../../../sender/src/transport/clock.js';

export interface VirtualClock extends Clock {
  /** Virtual milliseconds slept so far. */
  readonly sleptMs: number;
}

export function virtualClock(startMs = Date.parse('2024-05-01T12:00:00Z')): VirtualClock {
  let now = startMs;
  let slept = 0;
  const timers = new Set<{ periodMs: number; nextMs: number; task: () => void }>();
  const advance = (ms: number) => {
    now += ms;
    slept += ms;
    for (const t of timers) {
      while (t.nextMs <= now) {
        t.nextMs += t.periodMs;
        t.task();
      }
    }
  };
  return {
    now: () => now,
    get sleptMs() {
      return slept;
    },
    async sleep(ms, signal) {
      if (ms > 0 && !signal?.aborted) advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    every(periodMs, task) {
      const timer = { periodMs, nextMs: now + periodMs, task };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
}

/** An Output that keeps what the sender printed. */
export function captureOutput(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, write: (text: string) => void chunks.push(text), text: () => chunks.join('') };
}
