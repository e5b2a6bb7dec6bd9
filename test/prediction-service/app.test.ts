import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEATURE_NAMES, SUMMARY_NAMES } from '../../core/src/features/index.js';
import { type FakeMonitoring, startFakeMonitoring } from './helpers/fake-monitoring.js';
import { TEST_CLASSES } from './helpers/test-model.js';
import { startTestService, type TestService } from './helpers/test-service.js';
import { seedFeatures, seedSamples, seedWindow } from './helpers/windows.js';

let monitoring: FakeMonitoring;
let service: TestService;

beforeEach(async () => {
  monitoring = await startFakeMonitoring();
  service = await startTestService({ monitoringUrl: monitoring.url });
});
afterEach(async () => {
  await service.close();
  await monitoring.close();
});

async function forwarded(count: number): Promise<void> {
  await expect.poll(() => monitoring.events.size).toBe(count);
}

describe('POST /predict', () => {
  it('predicts the seed window and forwards its 65 float64 features unchanged', async () => {
    const res = await request(service.http).post('/predict').send(seedSamples()).expect(200);
    expect(TEST_CLASSES).toContain(res.body.prediction);
    const [prediction] = res.body.predictions;
    expect(prediction.label).toBe(res.body.prediction);
    expect(Object.keys(prediction.probabilities)).toEqual(TEST_CLASSES);
    await forwarded(1);
    const event = monitoring.events.get(prediction.windowId)!;
    expect(Object.keys(event.features)).toEqual(FEATURE_NAMES);
    for (const [name, value] of Object.entries(seedFeatures())) {
      expect(Math.abs(event.features[name]! - value)).toBeLessThanOrEqual(1e-9);
    }
    expect(event.prediction).toBe(prediction.label);
    expect(event.probabilities).toEqual(prediction.probabilities);
    expect(event.label).toBe('Junk');
    // The raw-signal summaries travel as monitored-only values, never as model inputs.
    expect(Object.keys(event.monitored!)).toEqual(SUMMARY_NAMES);
    const accelZ = seedSamples().map((s) => s.accel_z as number);
    const mean = accelZ.reduce((a, b) => a + b, 0) / accelZ.length;
    expect(event.monitored!.accel_z_mean).toBeCloseTo(mean, 12);
    expect(monitoring.requests[0]!.dataset).toBe('exercise_group');
  });

  it('gives a batch the same answers as the windows sent one by one', async () => {
    const windows = [0, 0.4, -0.7].map((shift, i) => seedWindow({ windowId: `w${i}` }, shift));
    const batch = await request(service.http).post('/predict').send({ windows }).expect(200);
    expect(batch.body.prediction).toBeUndefined();
    const singles: Record<string, unknown>[] = [];
    for (const w of windows) {
      const res = await request(service.http)
        .post('/predict')
        .send({ ...w, windowId: `${w.windowId}-single` })
        .expect(200);
      expect(res.body.prediction).toBe(res.body.predictions[0].label);
      singles.push(res.body.predictions[0]);
    }
    batch.body.predictions.forEach((p: { windowId: string }, i: number) => {
      expect(p).toEqual({ ...singles[i], windowId: `w${i}` });
    });
    await forwarded(6);
  });

  it('reads a gzip-compressed body and answers as for the plain body', async () => {
    const window = seedWindow({ windowId: 'zipped' });
    const plain = await request(service.http).post('/predict').send(window).expect(200);
    const gzipped = (body: Buffer) =>
      request(service.http)
        .post('/predict')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .serialize((bytes: Buffer) => bytes as unknown as string) // send the bytes as they are
        .send(body);
    const zipped = await gzipped(gzipSync(JSON.stringify({ ...window, windowId: 'zipped-2' })));
    expect(zipped.status).toBe(200);
    expect(zipped.body.predictions[0]).toEqual({
      ...plain.body.predictions[0],
      windowId: 'zipped-2',
    });
    const corrupt = await gzipped(Buffer.from(JSON.stringify(window)));
    expect([corrupt.status, corrupt.body.error.code]).toEqual([400, 'invalid_body']);
    await forwarded(2);
  });

  it('assigns a UUID to a window without windowId and keeps client ids, times and devices', async () => {
    const timestamp = '2024-05-01T10:00:00.000+02:00';
    const res = await request(service.http)
      .post('/predict')
      .send({
        windows: [
          seedWindow(),
          seedWindow({ windowId: 'mine', timestamp, deviceId: 'd7', label: 'Squat' }),
        ],
      })
      .expect(200);
    const [generated, given] = res.body.predictions;
    expect(generated.windowId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(given.windowId).toBe('mine');
    await forwarded(2);
    const event = monitoring.events.get('mine')!;
    expect(event).toMatchObject({ timestamp, label: 'Squat', metadata: { deviceId: 'd7' } });
    const auto = monitoring.events.get(generated.windowId)!;
    expect(Date.parse(auto.timestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(auto.label).toBeUndefined();
  });

  it('still answers /predict when monitoring is down', async () => {
    monitoring.failWith = 503;
    await request(service.http).post('/predict').send(seedWindow()).expect(200);
    await expect.poll(() => monitoring.requests.length).toBeGreaterThan(1);
    expect(service.outbox.size).toBe(1);
    monitoring.failWith = undefined;
    await forwarded(1);
    await expect.poll(() => service.outbox.size).toBe(0);
  });
});
