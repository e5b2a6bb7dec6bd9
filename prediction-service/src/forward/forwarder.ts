import type { Logger } from 'pino';
import type { BackoffPolicy } from '@driftwatch/core/retry/backoff-delay';
import { retryDelayMs } from '@driftwatch/core/retry/retry-delay';
import type { DeadLetter } from './dead-letter.js';
import type { SendBatch, SendOutcome } from './monitoring-client.js';
import type { Outbox, OutboxEntry } from './outbox.js';

export type ForwardOutcome = 'acknowledged' | 'retried' | 'dead_lettered';

export interface ForwarderOptions {
  outbox: Outbox;
  send: SendBatch;
  deadLetter: DeadLetter;
  batchEvents: number;
  /** How long a part-filled batch waits for more events before it is sent anyway. */
  lingerMs: number;
  maxInFlight: number;
  backoff: BackoffPolicy;
  logger: Logger;
  onOutcome?: (outcome: ForwardOutcome, events: number) => void;
  random?: () => number;
}

export interface Forwarder {
  start(): void;
  /** Sends everything held, ignoring linger, until the outbox is empty or `timeoutMs` passes. */
  drain(timeoutMs: number): Promise<boolean>;
  stop(): void;
}

/**
 * Moves events from the outbox to monitoring in batches, retrying with the shared policy of
 * core/src/retry (full-jitter backoff, honouring Retry-After, capped at `backoff.maxMs`).
 */
export function createForwarder(o: ForwarderOptions): Forwarder {
  let inFlight = 0;
  let failures = 0;
  let retryAt = 0;
  let lingerUntil: number | undefined;
  let timer: { at: number; handle: NodeJS.Timeout } | undefined;
  let running = false;
  let draining = false;
  let settled: (() => void)[] = [];

  function wakeAt(at: number): void {
    if (timer && timer.at <= at) return;
    if (timer) clearTimeout(timer.handle);
    const handle = setTimeout(
      () => {
        timer = undefined;
        pump();
      },
      Math.max(0, at - Date.now()),
    );
    timer = { at, handle };
  }

  /** While monitoring fails, one batch at a time probes it. */
  function pump(): void {
    while (running && inFlight < (failures > 0 ? 1 : o.maxInFlight) && o.outbox.available > 0) {
      const now = Date.now();
      if (now < retryAt) {
        wakeAt(retryAt);
        return;
      }
      if (o.outbox.available < o.batchEvents && !draining && o.lingerMs > 0) {
        lingerUntil ??= now + o.lingerMs;
        if (now < lingerUntil) {
          wakeAt(lingerUntil);
          return;
        }
      }
      lingerUntil = undefined;
      const entries = o.outbox.lease(o.batchEvents);
      inFlight++;
      void forward(entries).finally(() => {
        inFlight--;
        for (const notify of settled) notify();
        settled = [];
        pump();
      });
    }
  }

  async function forward(entries: OutboxEntry[]): Promise<void> {
    const outcome = await o.send(entries.map((e) => e.payload));
    try {
      await settle(entries, outcome);
    } catch (error) {
      o.logger.error({ err: error, events: entries.length }, 'forward: cannot settle a batch');
      o.outbox.release(entries);
    }
  }

  async function settle(entries: OutboxEntry[], outcome: SendOutcome): Promise<void> {
    if (outcome.kind === 'acknowledged') {
      failures = 0;
      retryAt = 0;
      o.onOutcome?.('acknowledged', entries.length);
      await o.outbox.acknowledge(entries);
    } else if (outcome.kind === 'retry') {
      failures++;
      const delayMs = retryDelayMs(failures, o.backoff, outcome.retryAfterMs, o.random);
      retryAt = Date.now() + delayMs;
      o.outbox.release(entries);
      o.onOutcome?.('retried', entries.length);
      o.logger.warn(
        { events: entries.length, failures, delayMs: Math.round(delayMs), reason: outcome.reason },
        'forward: monitoring unavailable, will retry',
      );
    } else {
      await o.deadLetter(
        entries.map((e) => e.payload),
        outcome.reason,
      );
      o.onOutcome?.('dead_lettered', entries.length);
      o.logger.error(
        { events: entries.length, status: outcome.status, reason: outcome.reason },
        'forward: monitoring refused a batch; events moved to the dead-letter file',
      );
      await o.outbox.acknowledge(entries);
    }
  }

  async function drain(timeoutMs: number): Promise<boolean> {
    draining = true;
    const deadline = Date.now() + timeoutMs;
    pump();
    while (o.outbox.size > 0 || inFlight > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wait = setTimeout(resolve, Math.min(left, 50));
        settled.push(() => {
          clearTimeout(wait);
          resolve();
        });
      });
      pump();
    }
    return true;
  }

  o.outbox.onAvailable(pump);
  return {
    start() {
      running = true;
      pump();
    },
    drain,
    stop() {
      running = false;
      if (timer) clearTimeout(timer.handle);
      timer = undefined;
    },
  };
}
