/**
 * Group commit: callers queue items and wait on `flush()`; one commit writes everything queued
 * since the previous one, so concurrent batches share a single fsync. A failed commit is fatal:
 * the log can no longer promise durability, so every later call rejects with the same error.
 */

interface Waiter {
  target: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class GroupCommit<T> {
  private queue: T[] = [];
  private enqueued = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private running = false;
  private failure: Error | undefined;

  constructor(
    private readonly commit: (items: T[]) => Promise<void>,
    /** Told once, when a commit fails and the log stops accepting items. */
    private readonly onFailure?: (error: Error) => void,
  ) {}

  get pending(): boolean {
    return this.durable < this.enqueued;
  }

  /** True once a commit failed; nothing more will be committed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  add(item: T): void {
    if (this.failure) throw this.failure;
    this.queue.push(item);
    this.enqueued++;
  }

  /** Resolves once every item added so far is committed. */
  flush(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= this.enqueued) return Promise.resolve();
    const target = this.enqueued;
    const done = new Promise<void>((resolve, reject) => {
      this.waiters.push({ target, resolve, reject });
    });
    if (!this.running) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0 && !this.failure) {
      const items = this.queue.splice(0);
      try {
        await this.commit(items);
        this.durable += items.length;
        this.settle();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
        this.onFailure?.(this.failure);
      }
    }
    this.running = false;
  }

  private settle(): void {
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.target <= this.durable) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }
}
