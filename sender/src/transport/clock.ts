/**
 * Time as the sender sees it. Injected so tests can run a whole scenario in virtual time: the
 * pacing, the backoff and the periodic progress and drift polls all go through it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (at once for ms ≤ 0) or when `signal` aborts, whichever is first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `task` every `ms` until the returned function is called. */
  every(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    });
  },
  every(ms, task) {
    const timer = setInterval(task, ms);
    // A pending progress tick must not keep a finished run alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};
