import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type Harness, sample, startHarness, toyEvent } from '../helpers/service-harness.js';

describe('POST /v1/datasets/:dataset/events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(fakeEngine);
  });
  afterEach(async () => h.close());

  const post = (body: unknown) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .send(body as object);
  const stored = async () => (await h.store.recentEvents('toy', 1000)).map((e) => e.eventId);

  it('stores a batch and puts it in the window', async () => {
    const res = await post({ events: [toyEvent('e1'), toyEvent('e2', 0.7, { label: 'walk' })] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 2, stored: 2, duplicates: 0 });
    expect(await stored()).toEqual(['e1', 'e2']);
    expect(h.toy.windows.current.size).toBe(2);
    expect(h.toy.windows.labelled.size).toBe(1);
    expect(await sample(h.registry, 'monitoring_events_ingested_total', { dataset: 'toy' })).toBe(
      2,
    );
  });

  it('accepts the bare array form', async () => {
    const res = await post([toyEvent('e1')]);
    expect(res.status).toBe(200);
    expect(await stored()).toEqual(['e1']);
  });

  it('stores a re-sent event once and counts it as a duplicate', async () => {
    await post({ events: [toyEvent('e1'), toyEvent('e2')] });
    const res = await post({ events: [toyEvent('e2'), toyEvent('e3')] });
    expect(res.body).toEqual({ accepted: 2, stored: 1, duplicates: 1 });
    expect(await stored()).toEqual(['e1', 'e2', 'e3']);
    expect(h.toy.windows.current.size).toBe(3);
    expect(await sample(h.registry, 'monitoring_events_ingested_total', { dataset: 'toy' })).toBe(
      3,
    );
    const duplicates = { dataset: 'toy', reason: 'duplicate' };
    expect(await sample(h.registry, 'monitoring_events_rejected_total', duplicates)).toBe(1);
  });

  it('answers batches sent at once in turn, a rejected one among them', async () => {
    const bad = { events: [toyEvent('x', 'x' as unknown as number)] };
    const batches = [{ events: [toyEvent('c1')] }, bad, { events: [toyEvent('c2')] }];
    const answers = await Promise.all(batches.map((b) => post(b)));
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200]);
    expect((await stored()).sort()).toEqual(['c1', 'c2']);
  });

  const good = toyEvent('ok');
  const cases: [string, () => request.Test, number, string | undefined][] = [
    [
      'an unknown dataset',
      () => request(h.app).post('/v1/datasets/nope/events').send([good]),
      404,
      'dataset',
    ],
    [
      'malformed JSON',
      () => post('').set('content-type', 'application/json').send('{"events": [}'),
      400,
      undefined,
    ],
    [
      'a feature of the wrong type',
      () => post({ events: [good, toyEvent('b', 'x' as unknown as number)] }),
      400,
      'events[1].features.f1',
    ],
    [
      'a missing feature',
      () => post({ events: [{ ...good, features: { f1: 1, f2: 2 } }] }),
      400,
      'events[0].features.f3',
    ],
    [
      'an extra feature',
      () => post({ events: [{ ...good, features: { ...good.features, f9: 1 } }] }),
      400,
      'events[0].features',
    ],
    [
      'a non-finite number',
      () =>
        post('')
          .set('content-type', 'application/json')
          .send(`[${JSON.stringify(good).replace('0.5', '1e999')}]`),
      400,
      '[0].features.f1',
    ],
    ['an empty batch', () => post({ events: [] }), 400, 'events'],
    [
      'a missing eventId',
      () => post({ events: [{ ...good, eventId: undefined }] }),
      400,
      'events[0].eventId',
    ],
    [
      'a timestamp that is not ISO-8601',
      () => post({ events: [{ ...good, timestamp: 'yesterday' }] }),
      400,
      'events[0].timestamp',
    ],
    ['an unknown top-level field', () => post({ events: [good], extra: 1 }), 400, 'events'],
    [
      'an oversized body',
      () => post({ events: [{ ...good, metadata: { pad: 'x'.repeat(300_000) } }] }),
      413,
      undefined,
    ],
    [
      'too many events',
      () => post({ events: Array.from({ length: 501 }, (_, i) => toyEvent(`e${i}`)) }),
      413,
      'events',
    ],
    [
      'a body that is not JSON',
      () => post('').set('content-type', 'text/plain').send('e1'),
      415,
      undefined,
    ],
  ];

  for (const [name, send, status, field] of cases) {
    it(`rejects ${name} with ${status} and stores nothing`, async () => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
      expect(res.body.error.message).toEqual(expect.any(String));
      if (field !== undefined) expect(res.body.error.field).toBe(field);
      expect(await stored()).toEqual([]);
      expect(h.toy.windows.current.size).toBe(0);
    });
  }

  it('answers 413 to a chunked body that grows past the limit', async () => {
    const server = h.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({ port, method: 'POST', path: '/v1/datasets/toy/events' });
      req.setHeader('content-type', 'application/json');
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.once('error', reject);
      for (let i = 0; i < 40; i++) req.write(' '.repeat(10_000));
      req.end('[]');
    });
    server.close();
    expect(status).toBe(413);
    expect(await stored()).toEqual([]);
  });

  it('names the unknown and the missing feature in the message', async () => {
    const extra = await post({ events: [{ ...good, features: { ...good.features, f9: 1 } }] });
    expect(extra.body.error.message).toMatch(/f9/);
    const missing = await post({ events: [{ ...good, features: { f1: 1, f3: 2 } }] });
    expect(missing.body.error.message).toBe('events[0].features.f2: missing feature');
  });

  it('counts a large body that is not JSON as one rejected event', async () => {
    const events = Array.from({ length: 1_000 }, (_, i) => toyEvent(`e${i}`));
    const body = `${JSON.stringify({ events }).slice(0, -1)} x`;
    expect(body.length).toBeGreaterThan(100_000);
    const res = await request(h.app)
      .post('/v1/datasets/toy/events')
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    const rejected = { dataset: 'toy', reason: 'invalid_json' };
    expect(await sample(h.registry, 'monitoring_events_rejected_total', rejected)).toBe(1);
    expect(await stored()).toEqual([]);
  });

  it('counts the events of a rejected batch by reason', async () => {
    await post({ events: [toyEvent('a'), toyEvent('b', 'x' as unknown as number)] });
    const rejected = { dataset: 'toy', reason: 'invalid_body' };
    expect(await sample(h.registry, 'monitoring_events_rejected_total', rejected)).toBe(2);
  });
});

describe('bearer token', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(fakeEngine, 's3cret');
  });
  afterEach(async () => h.close());

  it('refuses writes without the configured token', async () => {
    const res = await request(h.app)
      .post('/v1/datasets/toy/events')
      .send([toyEvent('e1')]);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    const wrong = await request(h.app)
      .post('/v1/datasets/toy/labels')
      .set('authorization', 'Bearer nope')
      .send([{ eventId: 'e1', label: 'walk' }]);
    expect(wrong.status).toBe(401);
    expect(await h.store.recentEvents('toy', 10)).toEqual([]);
  });

  it('accepts writes with the token and leaves metrics and health open', async () => {
    const res = await request(h.app)
      .post('/v1/datasets/toy/events')
      .set('authorization', 'Bearer s3cret')
      .send([toyEvent('e1')]);
    expect(res.status).toBe(200);
    expect((await request(h.app).get('/metrics')).status).toBe(200);
    expect((await request(h.app).get('/healthz')).status).toBe(200);
    expect((await request(h.app).get('/readyz')).status).toBe(200);
  });
});
