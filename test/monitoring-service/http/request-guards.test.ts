import { once } from 'node:events';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_ALERT_NAMES } from '../../../monitoring-service/src/datasets/alert-series-labels.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type Harness, startHarness, toyEvent } from '../helpers/service-harness.js';

describe('request guards', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(fakeEngine, 's3cret');
  });
  afterEach(async () => h.close());

  const postEvents = (headers: Record<string, string>, body: string | Buffer) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .set({ authorization: 'Bearer s3cret', 'content-type': 'application/json', ...headers })
      .send(body);
  const events = JSON.stringify({ events: [toyEvent('e1')] });

  it.each(['br', 'zstd', 'gzip, br'])(
    'answers 415 to content-encoding %s, naming it',
    async (enc) => {
      const res = await postEvents({ 'content-encoding': enc }, Buffer.from(events));
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.message).toContain(enc);
      expect(await h.store.recentEvents('toy', 10)).toEqual([]);
    },
  );

  /**
   * Posts `body` gzipped through node:http (supertest re-encodes a Buffer sent as JSON) and
   * returns the status.
   */
  const postGzipped = async (body: string): Promise<number | undefined> => {
    const server = h.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({
      port,
      method: 'POST',
      path: '/v1/datasets/toy/events',
      headers: {
        authorization: 'Bearer s3cret',
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
    });
    req.end(gzipSync(body));
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    res.resume();
    server.close();
    return res.statusCode;
  };

  it('reads a gzip body and answers 400 to one that does not inflate', async () => {
    expect(await postGzipped(events)).toBe(200);
    expect((await h.store.recentEvents('toy', 10)).map((e) => e.eventId)).toEqual(['e1']);
    const broken = await postEvents({ 'content-encoding': 'gzip' }, Buffer.from(events));
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_body');
  });

  it('answers 413 to a gzip body that inflates past the limit, storing nothing', async () => {
    // A few kB on the wire, a megabyte of JSON once inflated.
    const padded = `{"events":[${' '.repeat(1024 * 1024)}${JSON.stringify(toyEvent('e1'))}]}`;
    expect(await postGzipped(padded)).toBe(413);
    expect(await h.store.recentEvents('toy', 10)).toEqual([]);
  });

  it.each(['bearer s3cret', 'BEARER s3cret', 'Bearer  s3cret'])(
    'accepts the token as %j, like the prediction service',
    async (authorization) => {
      expect((await postEvents({ authorization }, events)).status).toBe(200);
    },
  );

  const alert = (labels: Record<string, string>, status = 'firing') => ({ status, labels });
  const postAlerts = (alerts: unknown[]) =>
    request(h.app).post('/v1/alerts').set('authorization', 'Bearer s3cret').send({ alerts });

  it.each([
    ['an unknown status', [alert({ alertname: 'ServiceDown' }, 'zzz')], 'alerts[0].status'],
    ['no alertname', [alert({ dataset: 'toy' })], 'alerts[0].labels.alertname'],
    [
      'a 10 000-character alertname',
      [alert({ alertname: 'A'.repeat(10_000) })],
      'alerts[0].labels.alertname',
    ],
    ['an alertname with spaces', [alert({ alertname: 'a b' })], 'alerts[0].labels.alertname'],
  ])('rejects an alert with %s, storing nothing', async (_name, alerts, field) => {
    const res = await postAlerts(alerts);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(await h.store.recentAlerts(10)).toEqual([]);
  });

  it('bounds the alert counter: at most 50 names beyond the project alerts, then "other"', async () => {
    const names = Array.from({ length: 120 }, (_, i) => `Custom${i}`);
    expect((await postAlerts(names.map((alertname) => alert({ alertname })))).status).toBe(200);
    await postAlerts([alert({ alertname: 'ServiceDown', dataset: 'not-monitored' })]);
    const { values } = await h.registry.getSingleMetric('monitoring_alerts_received_total')!.get();
    const counted = new Set(values.map((v) => String(v.labels.alertname)));
    expect(counted.has('Custom49')).toBe(true);
    expect(counted.has('Custom50')).toBe(false);
    expect(values.find((v) => v.labels.alertname === 'other')?.value).toBe(70);
    const serviceDown = values.filter((v) => v.labels.alertname === 'ServiceDown' && v.value > 0);
    expect(serviceDown.map((v) => v.labels.dataset)).toEqual(['']);
    expect(counted.size).toBeLessThanOrEqual(KNOWN_ALERT_NAMES.length + 51);
    expect(await h.store.recentAlerts(1000)).toHaveLength(121);
  });

  it.each([
    [
      'a prediction',
      { events: [toyEvent('e1', 0.5, { prediction: 'dance' })] },
      'events[0].prediction',
    ],
    ['a label', { events: [toyEvent('e1', 0.5, { label: 'dance' })] }, 'events[0].label'],
    [
      'a probability class',
      { events: [toyEvent('e1', 0.5, { probabilities: { dance: 1 } })] },
      'events[0].probabilities.dance',
    ],
  ])(
    'rejects %s outside the dataset classes with 400 naming the value',
    async (_n, body, field) => {
      const res = await postEvents({}, JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain('dance');
      expect(await h.store.recentEvents('toy', 10)).toEqual([]);
    },
  );

  it('rejects a delayed label outside the dataset classes, applying none of the batch', async () => {
    const res = await request(h.app)
      .post('/v1/datasets/toy/labels')
      .set('authorization', 'Bearer s3cret')
      .send([
        { eventId: 'e1', label: 'walk' },
        { eventId: 'e2', label: 'dance' },
      ]);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('[1].label');
    expect(res.body.error.message).toContain('"dance"');
    expect(h.toy.windows.current.size + h.toy.windows.labelled.size).toBe(0);
  });
});
