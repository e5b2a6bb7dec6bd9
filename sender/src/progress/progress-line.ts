/**
 * The live progress display: one line rewritten in place on a terminal, plain lines at a slower
 * pace otherwise (logs and CI keep every line, so fewer of them).
 */
import type { SenderStats } from './sender-stats.js';
import { type DriftStatus, formatDrift } from './drift-status.js';

export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export function progressText(
  stats: SenderStats,
  nowMs: number,
  elapsedS: number,
  drift: DriftStatus,
): string {
  const latency = stats.recentLatency();
  const scenario = stats.active.length > 0 ? stats.active.join(' + ') : 'none';
  return [
    `${elapsedS.toFixed(0)}s`,
    `sent ${stats.sent}`,
    `ack ${stats.acknowledged}`,
    `failed ${stats.failed}`,
    `${stats.currentRate(nowMs).toFixed(1)} w/s`,
    `p50 ${latency.p50.toFixed(1)} ms p99 ${latency.p99.toFixed(1)} ms`,
    `labels ${stats.labelsSent}`,
    `scenario ${scenario}`,
    `monitor ${formatDrift(drift)}`,
  ].join(' | ');
}

export class ProgressLine {
  private lastPlainMs = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly output: Output,
    private readonly plainEveryMs: number,
  ) {}

  render(text: string, nowMs: number): void {
    if (this.output.isTTY) {
      this.output.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      return;
    }
    if (nowMs - this.lastPlainMs < this.plainEveryMs) return;
    this.lastPlainMs = nowMs;
    this.output.write(`${text}\n`);
  }

  /** Leaves the terminal on a fresh line after the last in-place update. */
  finish(text: string): void {
    if (this.output.isTTY && this.drawn) this.output.write(`\r\x1b[2K${text}\n`);
    else this.output.write(`${text}\n`);
  }
}
