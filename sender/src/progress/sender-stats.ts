/** Running counts of one run, read by the progress line and the final summary. */
import { summarizeLatency } from './percentiles.js';

const RECENT_LATENCIES = 1000;
const RATE_WINDOW_MS = 5000;

export class SenderStats {
  sent = 0;
  acknowledged = 0;
  failed = 0;
  requests = 0;
  retries = 0;
  labelsSent = 0;
  labelsMatched = 0;
  labelsUnmatched = 0;
  labelsFailed = 0;
  active: readonly string[] = [];
  drift = 'unknown';
  lastError: string | undefined;
  readonly latencies: number[] = [];
  private readonly acks: { atMs: number; count: number }[] = [];

  recordRequest(atMs: number, outcome: RequestRecord): void {
    this.requests++;
    this.retries += outcome.attempts - 1;
    this.acknowledged += outcome.acknowledged;
    this.failed += outcome.windows - outcome.acknowledged;
    if (outcome.answered) this.latencies.push(outcome.latencyMs);
    if (outcome.error) this.lastError = outcome.error;
    this.acks.push({ atMs, count: outcome.acknowledged });
  }

  /** Acknowledged windows per second over the last few seconds. */
  currentRate(nowMs: number): number {
    while (this.acks.length > 0 && this.acks[0]!.atMs < nowMs - RATE_WINDOW_MS) this.acks.shift();
    const count = this.acks.reduce((sum, a) => sum + a.count, 0);
    return count / (RATE_WINDOW_MS / 1000);
  }

  recentLatency() {
    return summarizeLatency(this.latencies.slice(-RECENT_LATENCIES));
  }
}

export interface RequestRecord {
  windows: number;
  acknowledged: number;
  attempts: number;
  /** Whether any HTTP answer came (latency is only meaningful then). */
  answered: boolean;
  latencyMs: number;
  error: string | undefined;
}
