/**
 * A log that reopens itself after a failed write. A failed write or sync leaves the in-memory
 * index ahead of the disk, so the instance is retired; the next write after `retryMs` replays the
 * log from disk into a fresh instance (the partial write is then a torn tail, cut off). Until
 * that works, writes fail fast with StoreUnavailableError and reads use the retired instance.
 */
import { StoreUnavailableError } from '../store.js';

export class Reopening<T> {
  private current: Promise<T> | undefined;
  private failure: { error: Error; retryAtMs: number } | undefined;

  constructor(
    private readonly openLog: () => Promise<T>,
    private readonly closeLog: (log: T) => Promise<void>,
    private readonly retryMs: number,
    private readonly now: () => number,
  ) {}

  /** The open instance (opened on first use), for reads; a retired one answers what it holds. */
  read(): Promise<T> {
    this.current ??= this.openLog();
    return this.current;
  }

  /** The instance to write to, reopening a retired one when its retry time has come. */
  async write(): Promise<T> {
    const failure = this.failure;
    if (!failure) return this.read();
    if (this.now() < failure.retryAtMs) throw new StoreUnavailableError({ cause: failure.error });
    failure.retryAtMs = this.now() + this.retryMs;
    const retired = this.read();
    const reopened = (async () => {
      await this.closeLog(await retired).catch(() => undefined);
      return this.openLog();
    })();
    try {
      const log = await reopened;
      if (this.failure === failure) this.failure = undefined;
      this.current = reopened;
      return log;
    } catch (error) {
      throw new StoreUnavailableError({ cause: error });
    }
  }

  /** Retires the current instance after a failed write. */
  fail(error: Error): void {
    this.failure ??= { error, retryAtMs: this.now() + this.retryMs };
  }

  /**
   * Runs a write against the instance to write to. When the instance was retired meanwhile (its
   * log reported the failure through `fail`), the error becomes a StoreUnavailableError.
   */
  async run<R>(write: (log: T) => Promise<R>): Promise<R> {
    const log = await this.write();
    try {
      return await write(log);
    } catch (error) {
      if (this.failure && !(error instanceof StoreUnavailableError)) {
        throw new StoreUnavailableError({ cause: error });
      }
      throw error;
    }
  }
}
