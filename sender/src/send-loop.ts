/**
 * Paces windows as they complete on the devices, sends them in batches with at most
 * `maxInFlight` requests open, and hands acknowledged windows to the label queue.
 */
import { type RunContext, simulatedNow, wallTimeOf } from './run-context.js';
import type { OutgoingWindow } from './traffic/outgoing-window.js';
import { unitDraw } from './traffic/outgoing-window.js';
import { acknowledgedIds, encodePredictBody } from './transport/encode-windows.js';
import { postJson } from './transport/post-json.js';

/** Longest sleep between checks for due labels and interruption. */
const STEP_MS = 250;

/** Sleeps until `targetMs`, sending labels that fall due meanwhile. */
export async function waitUntil(ctx: RunContext, targetMs: number): Promise<void> {
  for (;;) {
    ctx.labels.flush(simulatedNow(ctx));
    const remaining = targetMs - ctx.clock.now();
    if (remaining <= 0 || ctx.signal.aborted) return;
    await ctx.clock.sleep(Math.min(remaining, STEP_MS), ctx.signal);
  }
}

function labelDelayS(ctx: RunContext, w: OutgoingWindow): number {
  const { minS, maxS } = ctx.options.labelDelay;
  return minS + (maxS - minS) * unitDraw(ctx.options.seed, 'label-delay', w.index);
}

async function sendBatch(ctx: RunContext, batch: OutgoingWindow[]): Promise<void> {
  const { options, stats } = ctx;
  const body = encodePredictBody(batch, options.labels === 'inline');
  const outcome = await postJson(`${options.predictionUrl}/predict`, body, {
    transport: ctx.transport,
    clock: ctx.clock,
    token: options.token,
    signal: ctx.signal,
    policy: { retries: options.retries, baseMs: 100, maxMs: 5000, timeoutMs: options.timeoutMs },
  });
  const acknowledged = outcome.ok ? acknowledgedIds(outcome.body) : new Set<string>();
  const acked = batch.filter((w) => acknowledged.has(w.windowId));
  stats.recordRequest(ctx.clock.now(), {
    windows: batch.length,
    acknowledged: acked.length,
    attempts: outcome.attempts,
    answered: outcome.status !== undefined,
    latencyMs: outcome.latencyMs,
    error: outcome.error,
  });
  const nowS = simulatedNow(ctx);
  for (const w of acked) {
    if (w.label === undefined) continue;
    if (options.labels === 'inline') stats.labelsSent++;
    if (options.labels !== 'delayed') continue;
    if (unitDraw(options.seed, 'label-pick', w.index) >= options.labelFraction) continue;
    ctx.labels.add(w.windowId, w.label, Math.max(nowS, w.dueS) + labelDelayS(ctx, w));
  }
  await ctx.onBatch?.({ windows: batch, acknowledged, outcome });
}

function exhausted(ctx: RunContext, w: OutgoingWindow): boolean {
  const { count, durationS, speed } = ctx.options;
  if (count !== undefined && w.index >= count) return true;
  return durationS !== undefined && w.dueS / speed > durationS;
}

/** Sends every window of the source (or until interrupted); resolves when all are answered. */
export async function sendLoop(ctx: RunContext): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const dispatch = async (batch: OutgoingWindow[]) => {
    await waitUntil(ctx, wallTimeOf(ctx, batch[batch.length - 1]!.dueS));
    while (inFlight.size >= ctx.options.maxInFlight) await Promise.race(inFlight);
    if (ctx.signal.aborted) return;
    ctx.stats.sent += batch.length;
    ctx.stats.active = batch[batch.length - 1]!.active;
    const sending = sendBatch(ctx, batch).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };
  let batch: OutgoingWindow[] = [];
  while (!ctx.signal.aborted) {
    const w = ctx.source.next();
    if (w === undefined || exhausted(ctx, w)) break;
    batch.push(w);
    if (batch.length < ctx.options.batch) continue;
    await dispatch(batch);
    batch = [];
  }
  if (batch.length > 0) await dispatch(batch);
  await Promise.all([...inFlight]);
}

/** Waits for every queued label to fall due and be sent (skipped when interrupted). */
export async function drainLabels(ctx: RunContext): Promise<void> {
  for (let next = ctx.labels.nextDueS(); next !== undefined && !ctx.signal.aborted; ) {
    await waitUntil(ctx, wallTimeOf(ctx, next));
    // Rounding in the wall ↔ simulated conversion can leave `now` a hair before `next`.
    ctx.labels.flush(Math.max(simulatedNow(ctx), next));
    next = ctx.labels.nextDueS();
  }
  await ctx.labels.settled();
}
