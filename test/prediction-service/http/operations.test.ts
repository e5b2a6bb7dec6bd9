import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeMonitoring, startFakeMonitoring } from '../helpers/fake-monitoring.js';
import { startTestService, type TestService } from '../helpers/test-service.js';
import { seedWindow } from '../helpers/windows.js';

let monitoring: FakeMonitoring | undefined;
let service: TestService | undefined;

afterEach(async () => {
  await service?.close();
  await monitoring?.close();
});

async function start(options: { authToken?: string; outboxMaxEvents?: number } = {}) {
  monitoring = await startFakeMonitoring();
  service = await startTestService({ monitoringUrl: monitoring.url, ...options });
  return { monitoring, service };
}

describe('bearer token', () => {
  it('rejects /predict without the token and leaves health and metrics open', async () => {
    const { service } = await start({ authToken: 's3cret' });
    const denied = await request(service.http).post('/predict').send(seedWindow()).expect(401);
    expect(denied.body.error.code).toBe('unauthorized');
    expect(denied.headers['www-authenticate']).toBe('Bearer');
    await request(service.http)
      .post('/predict')
      .set('authorization', 'Bearer wrong')
      .send(seedWindow())
      .expect(401);
    await request(service.http).get('/healthz').expect(200);
    await request(service.http).get('/readyz').expect(200);
    await request(service.http).get('/metrics').expect(200);
    expect(service.outbox.size).toBe(0);
  });

  it('accepts the token and sends it on to monitoring', async () => {
    const { service, monitoring } = await start({ authToken: 's3cret' });
    await request(service.http)
      .post('/predict')
      .set('authorization', 'Bearer s3cret')
      .send(seedWindow())
      .expect(200);
    await expect.poll(() => monitoring.events.size).toBe(1);
    expect(monitoring.requests[0]!.authorization).toBe('Bearer s3cret');
  });

  it('reads the scheme in any case, like the monitoring service, and rejects a near miss', async () => {
    const { service } = await start({ authToken: 's3cret' });
    const post = (authorization: string) =>
      request(service.http).post('/predict').set('authorization', authorization).send(seedWindow());
    for (const header of ['bearer s3cret', 'BEARER s3cret', 'Bearer  s3cret']) {
      await post(header).expect(200);
    }
    await post('Bearer s3cre').expect(401);
    await post('Basic s3cret').expect(401);
  });
});

describe('bounded outbox', () => {
  it('answers 503 instead of dropping events when the outbox is full', async () => {
    const { service, monitoring } = await start({ outboxMaxEvents: 3 });
    monitoring.failWith = 503;
    const two = { windows: [seedWindow(), seedWindow()] };
    await request(service.http).post('/predict').send(two).expect(200);
    const full = await request(service.http).post('/predict').send(two).expect(503);
    expect(full.body.error.code).toBe('outbox_full');
    expect(full.headers['retry-after']).toBe('1');
    await request(service.http).post('/predict').send(seedWindow()).expect(200);
    expect(service.outbox.size).toBe(3);
    monitoring.failWith = undefined;
    await expect.poll(() => monitoring.events.size).toBe(3);
    await request(service.http).post('/predict').send(two).expect(200);
  });
});

describe('GET /metrics', () => {
  it('counts requests, windows by class, stages and forwarding, with the dataset label', async () => {
    const { service, monitoring } = await start();
    const res = await request(service.http)
      .post('/predict')
      .send({ windows: [seedWindow(), seedWindow()] });
    await request(service.http).post('/predict').send({ windows: [] }).expect(400);
    await expect.poll(() => monitoring.events.size).toBe(2);
    const label = res.body.predictions[0].label;
    const text = (await request(service.http).get('/metrics').expect(200)).text;
    expect(text).toContain('prediction_requests_total{status="200",dataset="exercise_group"} 1');
    expect(text).toContain('prediction_requests_total{status="400",dataset="exercise_group"} 1');
    expect(text).toMatch(
      new RegExp(`prediction_windows_total\\{class="${label}",dataset="exercise_group"\\} [12]`),
    );
    expect(text).toContain('prediction_request_duration_seconds_count{dataset="exercise_group"} 2');
    expect(text).toMatch(
      /prediction_stage_duration_seconds_count\{[^}]*stage="featurize"[^}]*\} 1/,
    );
    expect(text).toMatch(/prediction_stage_duration_seconds_count\{[^}]*stage="infer"[^}]*\} 1/);
    expect(text).toContain(
      'prediction_forward_events_total{outcome="acknowledged",dataset="exercise_group"} 2',
    );
    expect(text).toContain('prediction_forward_queue_events{dataset="exercise_group"} 0');
  });
});
