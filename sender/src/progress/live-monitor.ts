/**
 * Keeps the progress line and the monitoring service's drift status fresh while a run goes on:
 * two periodic tasks on the injected clock; a poll never overlaps the previous one.
 */
import type { Clock } from '../transport/clock.js';
import { type DriftStatus, getReport, statusOf } from './drift-status.js';
import { type Output, ProgressLine, progressText } from './progress-line.js';
import type { SenderStats } from './sender-stats.js';

export interface LiveMonitorOptions {
  readonly clock: Clock;
  readonly fetch: typeof fetch;
  readonly output: Output;
  readonly stats: SenderStats;
  readonly reportUrl: string;
  readonly pollIntervalS: number;
  readonly startMs: number;
}

const RENDER_MS = 1000;
const PLAIN_EVERY_MS = 10_000;

export class LiveMonitor {
  private drift: DriftStatus = { state: 'unknown' };
  private polling: Promise<void> | undefined;
  private readonly line: ProgressLine;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly o: LiveMonitorOptions) {
    this.line = new ProgressLine(o.output, PLAIN_EVERY_MS);
  }

  start(): void {
    const { clock, pollIntervalS } = this.o;
    this.stops.push(clock.every(RENDER_MS, () => this.render()));
    if (pollIntervalS > 0) {
      this.poll();
      this.stops.push(clock.every(pollIntervalS * 1000, () => this.poll()));
    }
  }

  /** Stops the periodic tasks, polls once more and prints the final line. */
  async stop(): Promise<DriftStatus> {
    for (const stop of this.stops) stop();
    await this.polling;
    if (this.o.pollIntervalS > 0) {
      this.poll();
      await this.polling;
    }
    this.line.finish(this.text());
    return this.drift;
  }

  private poll(): void {
    if (this.polling) return;
    const timeoutMs = Math.max(1000, this.o.pollIntervalS * 1000);
    this.polling = getReport(this.o.fetch, this.o.reportUrl, timeoutMs).then(({ status, body }) => {
      this.drift = statusOf(status, body);
      this.polling = undefined;
    });
  }

  private text(): string {
    const now = this.o.clock.now();
    return progressText(this.o.stats, now, (now - this.o.startMs) / 1000, this.drift);
  }

  private render(): void {
    this.line.render(this.text(), this.o.clock.now());
  }
}
