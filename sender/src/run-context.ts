import type { Clock } from './transport/clock.js';
import type { LabelQueue } from './labels/label-queue.js';
import type { SenderOptions } from './options/sender-options.js';
import type { Output } from './progress/progress-line.js';
import type { SenderStats } from './progress/sender-stats.js';
import type { OutgoingWindow, WindowSource } from './traffic/outgoing-window.js';
import type { Transport } from './transport/http-transport.js';
import type { PostOutcome } from './transport/post-json.js';

/** What one /predict request did, for callers that follow a run closely (tests, the stack). */
export interface BatchResult {
  readonly windows: readonly OutgoingWindow[];
  readonly acknowledged: ReadonlySet<string>;
  readonly outcome: PostOutcome;
}

/** Everything a run may take from its caller instead of the real world. */
export interface SenderDeps {
  /** Used for every request when given; otherwise windows and labels go over keep-alive node:http. */
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** Where the progress goes (default stdout). */
  readonly output?: Output;
  /** Aborting stops sending new windows; the summary is still produced. */
  readonly signal?: AbortSignal;
  /** Called after each /predict request; awaited before the request's slot is reused. */
  readonly onBatch?: (batch: BatchResult) => void | Promise<void>;
}

/** The pieces of one run, shared by the send loop and the summary. */
export interface RunContext {
  readonly options: SenderOptions;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly source: WindowSource;
  readonly stats: SenderStats;
  readonly labels: LabelQueue;
  /** Epoch milliseconds of simulated second 0. */
  readonly startMs: number;
  readonly onBatch: SenderDeps['onBatch'];
}

/** Simulated seconds since the start of the run. */
export function simulatedNow(ctx: RunContext): number {
  return ((ctx.clock.now() - ctx.startMs) / 1000) * ctx.options.speed;
}

/** Epoch milliseconds at which simulated second `s` comes. */
export function wallTimeOf(ctx: RunContext, s: number): number {
  return ctx.startMs + (s / ctx.options.speed) * 1000;
}
