import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Outbox,
  OutboxFullError,
  openOutbox,
} from '../../../prediction-service/src/forward/outbox.js';

let dir: string;
const open: Outbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outbox-test-'));
});
afterEach(async () => {
  for (const outbox of open.splice(0)) await outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openAt(options: { maxEvents?: number; segmentBytes?: number } = {}) {
  const outbox = await openOutbox({
    dir,
    maxEvents: options.maxEvents ?? 1000,
    segmentBytes: options.segmentBytes ?? 1 << 20,
    logger: pino({ level: 'silent' }),
  });
  open.push(outbox);
  return outbox;
}

/** A full collection, through V8's gc() exposed for a fresh context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const events = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ eventId: `e${from + i}` }));

describe('outbox', () => {
  it('resumes every unacknowledged event, in order, after reopening', async () => {
    const first = await openAt();
    await Promise.all([first.append(events(0, 3)), first.append(events(3, 3))]);
    await first.acknowledge(first.lease(2));
    first.lease(1);
    await first.close();
    const second = await openAt();
    expect(second.size).toBe(4);
    expect(second.lease(10).map((e) => JSON.parse(e.payload).eventId)).toEqual([
      'e2',
      'e3',
      'e4',
      'e5',
    ]);
  });

  it('keeps the intact records of a segment whose last record was torn', async () => {
    const first = await openAt();
    await first.append(events(0, 2));
    await first.close();
    const [segment] = readdirSync(dir).filter((f) => f.endsWith('.events'));
    appendFileSync(join(dir, segment!), '1a2b3c4d {"eventId":"half');
    const second = await openAt();
    expect(second.lease(10).map((e) => e.payload)).toEqual(events(0, 2));
    await second.append(events(2, 1));
    await second.close();
    const third = await openAt();
    expect(third.size).toBe(3);
  });

  it('ignores a record whose checksum does not match', async () => {
    const first = await openAt();
    await first.append(events(0, 1));
    await first.close();
    const [segment] = readdirSync(dir).filter((f) => f.endsWith('.events'));
    appendFileSync(join(dir, segment!), '00000000 {"eventId":"forged"}\n');
    expect((await openAt()).size).toBe(1);
  });

  it('deletes segment files once every event in them is acknowledged', async () => {
    const outbox = await openAt({ segmentBytes: 100 });
    for (let i = 0; i < 5; i++) await outbox.append(events(i * 4, 4));
    expect(readdirSync(dir).filter((f) => f.endsWith('.events')).length).toBe(5);
    await outbox.acknowledge(outbox.lease(20));
    expect(readdirSync(dir)).toEqual([]);
    expect(outbox.size).toBe(0);
  });

  it('refuses appends beyond its bound, counting events sent but not acknowledged', async () => {
    const outbox = await openAt({ maxEvents: 5 });
    await outbox.append(events(0, 4));
    const leased = outbox.lease(4);
    await expect(outbox.append(events(4, 2))).rejects.toBeInstanceOf(OutboxFullError);
    await outbox.append(events(4, 1));
    await outbox.acknowledge(leased);
    await outbox.append(events(5, 4));
    expect(outbox.size).toBe(5);
  });

  it('puts released entries back in front of newer ones', async () => {
    const outbox = await openAt();
    await outbox.append(events(0, 4));
    const leased = outbox.lease(2);
    outbox.release(leased);
    expect(outbox.lease(3).map((e) => e.payload)).toEqual(events(0, 3));
  });

  it('keeps events whose write was in progress while leased entries were released', async () => {
    const outbox = await openAt();
    await outbox.append(events(0, 2));
    const leased = outbox.lease(2);
    const writing = outbox.append(events(2, 1));
    outbox.release(leased);
    await writing;
    expect(outbox.lease(10).map((e) => e.payload)).toEqual(events(0, 3));
  });

  it('stores every event of many concurrent appends exactly once', async () => {
    const outbox = await openAt();
    await Promise.all(Array.from({ length: 100 }, (_, i) => outbox.append(events(i * 3, 3))));
    await outbox.close();
    const reopened = await openAt();
    const ids = reopened.lease(1000).map((e) => JSON.parse(e.payload).eventId as string);
    expect(new Set(ids).size).toBe(300);
    expect(ids.length).toBe(300);
  });

  it('lets leased entries be collected once half of its queue is leased', async () => {
    // A queue that kept sent entries reachable made their payloads outlive the send and get
    // promoted to the old generation, whose collections pause the event loop.
    const outbox = await openAt();
    await outbox.append(events(0, 100));
    const leased = outbox.lease(60).map((entry) => new WeakRef(entry));
    // WeakRef targets stay alive until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(leased.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(outbox.lease(100).map((e) => JSON.parse(e.payload).eventId)).toEqual(
      Array.from({ length: 40 }, (_, i) => `e${60 + i}`),
    );
  });
});
