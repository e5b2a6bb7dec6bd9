import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedBatch } from '../../../prediction-service/src/predict/prepare-batch.js';
import {
  type BatchPreparer,
  inlinePreparer,
  startPreparerPool,
} from '../../../prediction-service/src/predict/prepare-pool.js';
import { seedWindow } from '../helpers/windows.js';

const limits = { windowLengthSamples: 151, sampleRateHz: 50, maxBatchWindows: 8 };
let pool: BatchPreparer & { threads(): readonly Worker[] };

beforeAll(async () => {
  pool = await startPreparerPool(limits, 2, pino({ level: 'silent' }));
});
afterAll(async () => {
  await pool.close();
});

const withoutTiming = (batch: PreparedBatch) => ({ ...batch, featurizeSeconds: 0 });

describe('featurize worker pool', () => {
  it('prepares a body exactly as the event loop does', async () => {
    const text = JSON.stringify({
      windows: [seedWindow({ windowId: 'a', label: 'Squat' }), seedWindow({ deviceId: 'd' }, 0.3)],
    });
    const inWorker = await pool.prepare(Buffer.from(text));
    const inline = await inlinePreparer(limits).prepare(Buffer.from(text));
    expect(withoutTiming(inWorker)).toEqual(withoutTiming(inline));
    expect(inWorker.features).toBeInstanceOf(Float64Array);
    expect(inWorker.windows).toEqual([{ windowId: 'a', label: 'Squat' }, { deviceId: 'd' }]);
  });

  it('keeps concurrent bodies apart across the workers', async () => {
    const bodies = Array.from({ length: 24 }, (_, i) =>
      Buffer.from(JSON.stringify(seedWindow({ windowId: `w${i}` }, i / 10))),
    );
    const inline = inlinePreparer(limits);
    const expected = await Promise.all(bodies.map((b) => inline.prepare(Buffer.from(b))));
    const prepared = await Promise.all(bodies.map((b) => pool.prepare(b)));
    expect(prepared.map(withoutTiming)).toEqual(expected.map(withoutTiming));
  });

  it('copies a body that is a view into a larger buffer, leaving that buffer usable', async () => {
    const text = JSON.stringify(seedWindow({ windowId: 'inner' }));
    const shared = Buffer.from(`xx${text}yy`);
    const view = shared.subarray(2, 2 + text.length);
    const batch = await pool.prepare(view);
    expect(batch.windows).toEqual([{ windowId: 'inner' }]);
    expect(shared.toString('latin1', 0, 2)).toBe('xx');
    expect(shared.byteLength).toBe(text.length + 4);
  });

  it('rejects with the HttpError the checks raised in the worker', async () => {
    await expect(pool.prepare(Buffer.from('{"windows": []}'))).rejects.toMatchObject({
      name: 'HttpError',
      code: 'invalid_body',
    });
    await expect(pool.prepare(Buffer.from('{"signals": ['))).rejects.toMatchObject({
      code: 'invalid_json',
    });
  });

  it('fails the jobs of a worker that dies and carries on with a replacement', async () => {
    const body = () => Buffer.from(JSON.stringify(seedWindow({ windowId: 'x' })));
    const [first] = pool.threads();
    // The first worker is told to stop, then (both idle, so it is chosen) handed a job.
    const stopped = first!.terminate();
    const lost = pool.prepare(body());
    await stopped;
    await expect(lost).rejects.toThrow(/featurize worker exited/);
    await expect.poll(() => pool.threads().length).toBe(2);
    expect(pool.threads()).not.toContain(first);
    const batches = await Promise.all([pool.prepare(body()), pool.prepare(body())]);
    expect(batches.map((b) => b.windows)).toEqual([[{ windowId: 'x' }], [{ windowId: 'x' }]]);
  });
});
