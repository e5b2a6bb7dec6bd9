import { writeSync } from 'node:fs';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedStore } from '../../../monitoring-service/src/store/embedded/embedded-store.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type Harness, startHarness, toyEvent } from '../helpers/service-harness.js';

/** While set, the log's writer puts half of a batch on disk and then fails as a full disk does. */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('../../../core/src/log/durable-append.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../core/src/log/durable-append.js')>();
  return {
    ...actual,
    durableAppend: async (fd: number, buffers: readonly Buffer[]) => {
      if (!disk.full) return actual.durableAppend(fd, buffers);
      const bytes = Buffer.concat(buffers);
      writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
});

describe('monitoring service on a full disk', () => {
  let h: Harness;
  beforeEach(async () => {
    disk.full = false;
    h = await startHarness(fakeEngine);
  });
  afterEach(async () => {
    disk.full = false;
    await h.close();
  });

  const postEvents = (...ids: string[]) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .send({ events: ids.map((id) => toyEvent(id)) });

  it('answers writes 503 with Retry-After, keeps serving reads, and recovers by itself', async () => {
    expect((await postEvents('e1', 'e2')).status).toBe(200);

    disk.full = true;
    const refused = await postEvents('e3', 'e4');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.error.code).toBe('store_unavailable');
    const labels = await request(h.app)
      .post('/v1/datasets/toy/labels')
      .send([{ eventId: 'e1', label: 'walk' }]);
    expect(labels.status).toBe(503);
    expect((await request(h.app).get('/metrics')).status).toBe(200);
    expect((await request(h.app).get('/healthz')).status).toBe(200);
    expect((await h.store.recentEvents('toy', 10)).map((e) => e.eventId)).toEqual(['e1', 'e2']);

    disk.full = false;
    // Before the retry time the store still refuses, without touching the disk.
    expect((await postEvents('e3', 'e4')).status).toBe(503);
    h.clock.nowMs += 5_000;
    const accepted = await postEvents('e3', 'e4');
    expect(accepted.status).toBe(200);
    expect(accepted.body.stored).toBe(2);
    expect((await postEvents('e5')).status).toBe(200);
    expect(h.toy.windows.current.values().map((e) => e.eventId)).toEqual([
      'e1',
      'e2',
      'e3',
      'e4',
      'e5',
    ]);

    // Nothing acknowledged was lost and nothing refused came back half-written.
    await h.store.close();
    h.store = await EmbeddedStore.open({
      dir: h.dir,
      retention: { maxAgeMs: 7 * 24 * 3600_000, maxEventsPerDataset: 1000 },
      now: () => h.clock.nowMs,
    });
    const ids = (await h.store.recentEvents('toy', 100)).map((e) => e.eventId);
    expect(ids).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('shuts down cleanly while writes are failing, losing nothing acknowledged', async () => {
    expect((await postEvents('e1')).status).toBe(200);
    disk.full = true;
    expect((await postEvents('e2')).status).toBe(503);
    await h.store.close();
    disk.full = false;
    h.store = await EmbeddedStore.open({
      dir: h.dir,
      retention: { maxAgeMs: 7 * 24 * 3600_000, maxEventsPerDataset: 1000 },
    });
    expect((await h.store.recentEvents('toy', 10)).map((e) => e.eventId)).toEqual(['e1']);
  });
});
