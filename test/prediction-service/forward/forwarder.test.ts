import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeadLetterFile } from '../../../prediction-service/src/forward/dead-letter.js';
import {
  createForwarder,
  type Forwarder,
  type ForwardOutcome,
} from '../../../prediction-service/src/forward/forwarder.js';
import type { SendOutcome } from '../../../prediction-service/src/forward/monitoring-client.js';
import { type Outbox, openOutbox } from '../../../prediction-service/src/forward/outbox.js';

let dir: string;
let outbox: Outbox;
let forwarder: Forwarder | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forwarder-test-'));
  outbox = await openOutbox({
    dir: join(dir, 'outbox'),
    maxEvents: 10_000,
    segmentBytes: 1 << 20,
    logger: pino({ level: 'silent' }),
  });
});
afterEach(async () => {
  forwarder?.stop();
  await outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const events = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `{"eventId":"e${from + i}"}`);

/** A receiver whose answers the test scripts; it records every batch it was sent. */
function scriptedReceiver(answer: (call: number) => SendOutcome) {
  const batches: string[][] = [];
  const outcomes: Record<ForwardOutcome, number> = {
    acknowledged: 0,
    retried: 0,
    dead_lettered: 0,
  };
  const start = (options: { batchEvents?: number; lingerMs?: number } = {}) => {
    forwarder = createForwarder({
      outbox,
      send: async (payloads) => {
        batches.push([...payloads]);
        return answer(batches.length);
      },
      deadLetter: createDeadLetterFile(join(dir, 'dead-letter.jsonl')),
      batchEvents: options.batchEvents ?? 10,
      lingerMs: options.lingerMs ?? 10_000,
      maxInFlight: 2,
      backoff: { baseMs: 10, maxMs: 40 },
      logger: pino({ level: 'silent' }),
      onOutcome: (outcome, n) => {
        outcomes[outcome] += n;
      },
    });
    forwarder.start();
  };
  return { batches, outcomes, start };
}

describe('forwarder', () => {
  it('sends a full batch at once without waiting for the linger', async () => {
    const receiver = scriptedReceiver(() => ({ kind: 'acknowledged' }));
    receiver.start({ batchEvents: 5, lingerMs: 60_000 });
    await outbox.append(events(0, 12));
    await expect.poll(() => receiver.batches.length).toBe(2);
    expect(receiver.batches.map((b) => b.length)).toEqual([5, 5]);
    await expect.poll(() => outbox.size).toBe(2);
  });

  it('sends a part-filled batch once the linger has passed', async () => {
    const receiver = scriptedReceiver(() => ({ kind: 'acknowledged' }));
    receiver.start({ batchEvents: 100, lingerMs: 50 });
    const started = Date.now();
    await outbox.append(events(0, 3));
    await expect.poll(() => receiver.batches.length).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(receiver.batches[0]).toEqual(events(0, 3));
  });

  it('retries with backoff while monitoring fails, then delivers every event', async () => {
    const receiver = scriptedReceiver((call) =>
      call <= 3 ? { kind: 'retry', reason: 'HTTP 503' } : { kind: 'acknowledged' },
    );
    receiver.start({ batchEvents: 4, lingerMs: 0 });
    await outbox.append(events(0, 6));
    await expect.poll(() => outbox.size).toBe(0);
    const delivered = receiver.batches.slice(3).flat();
    expect(delivered.sort()).toEqual(events(0, 6).sort());
    const failed = receiver.batches.slice(0, 3).flat().length;
    expect(receiver.outcomes).toEqual({ acknowledged: 6, retried: failed, dead_lettered: 0 });
  });

  it('moves a batch monitoring refuses to the dead-letter file instead of retrying it', async () => {
    const receiver = scriptedReceiver(() => ({ kind: 'rejected', status: 400, reason: 'bad' }));
    receiver.start({ batchEvents: 10, lingerMs: 0 });
    await outbox.append(events(0, 2));
    await expect.poll(() => outbox.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.batches.length).toBe(1);
    const lines = readFileSync(join(dir, 'dead-letter.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).event.eventId)).toEqual(['e0', 'e1']);
    expect(JSON.parse(lines[0]!).reason).toBe('bad');
  });

  it('drains everything, ignoring the linger, within its time budget', async () => {
    const receiver = scriptedReceiver(() => ({ kind: 'acknowledged' }));
    receiver.start({ batchEvents: 100, lingerMs: 60_000 });
    await outbox.append(events(0, 3));
    expect(await forwarder!.drain(2000)).toBe(true);
    expect(outbox.size).toBe(0);
  });

  it('reports an incomplete drain when monitoring stays down', async () => {
    const receiver = scriptedReceiver(() => ({ kind: 'retry', reason: 'down' }));
    receiver.start({ lingerMs: 0 });
    await outbox.append(events(0, 3));
    expect(await forwarder!.drain(150)).toBe(false);
    expect(outbox.size).toBe(3);
  });
});
