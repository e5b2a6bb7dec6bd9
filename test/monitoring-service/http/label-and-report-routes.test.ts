import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type Harness, sample, startHarness, toyEvent } from '../helpers/service-harness.js';

describe('labels, /iterate, reports and alerts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(fakeEngine);
  });
  afterEach(async () => h.close());

  const events = (ids: string[]) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .send({ events: ids.map((id) => toyEvent(id)) });
  const labels = (body: unknown) =>
    request(h.app)
      .post('/v1/datasets/toy/labels')
      .send(body as object);

  it('joins labels to their events and keeps unknown ones waiting', async () => {
    await events(['e1', 'e2']);
    const res = await labels([
      { eventId: 'e1', label: 'curl' },
      { eventId: 'later', label: 'walk' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 1, unmatched: 1 });
    expect(h.toy.windows.labelled.values().map((e) => [e.eventId, e.label])).toEqual([
      ['e1', 'curl'],
    ]);
    expect(h.toy.windows.current.get('e1')?.label).toBe('curl');
    await events(['later']);
    expect(h.toy.windows.labelled.values().map((e) => e.eventId)).toEqual(['e1', 'later']);
    const outcome = (o: string) =>
      sample(h.registry, 'monitoring_labels_ingested_total', { dataset: 'toy', outcome: o });
    expect([
      await outcome('matched'),
      await outcome('unmatched'),
      await outcome('late_match'),
    ]).toEqual([1, 1, 1]);
  });

  it('labels an event that already left the current window from the store', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `e${i}`);
    await events(ids);
    expect(h.toy.windows.current.get('e0')).toBeUndefined();
    await labels({ labels: [{ eventId: 'e0', label: 'squat' }] });
    expect(h.toy.windows.labelled.get('e0')).toMatchObject({
      label: 'squat',
      features: { f1: 0.5 },
    });
  });

  it('rejects a label without an eventId and applies none of the batch', async () => {
    await events(['e1']);
    const res = await labels([{ eventId: 'e1', label: 'curl' }, { label: 'walk' }]);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('[1].eventId');
    expect(await h.store.recentLabelledEvents('toy', 10)).toEqual([]);
  });

  const row = { f1: 0.1, f2: 0.2, f3: 0.3, prediction: 'walk' };
  const json = (path: string, text: string) =>
    request(h.app).post(path).set('content-type', 'application/json').send(text);
  const badInputs: [string, () => request.Test, number][] = [
    [
      'labels for an unknown dataset',
      () =>
        request(h.app)
          .post('/v1/datasets/nope/labels')
          .send([{ eventId: 'e1', label: 'x' }]),
      404,
    ],
    ['malformed label JSON', () => json('/v1/datasets/toy/labels', '[{"eventId":'), 400],
    ['an empty label batch', () => labels([]), 400],
    ['a label that is a number', () => labels([{ eventId: 'e1', label: 3 }]), 400],
    [
      'too many labels',
      () => labels(Array.from({ length: 501 }, (_, i) => ({ eventId: `e${i}`, label: 'x' }))),
      413,
    ],
    ['rows for an unknown dataset', () => request(h.app).post('/iterate/nope').send([row]), 404],
    [
      'rows that are not an array',
      () =>
        request(h.app)
          .post('/iterate/toy')
          .send({ rows: [row] }),
      400,
    ],
    [
      'a row missing its prediction',
      () =>
        request(h.app)
          .post('/iterate/toy')
          .send([{ ...row, prediction: undefined }]),
      400,
    ],
    [
      'a row with a text feature',
      () =>
        request(h.app)
          .post('/iterate/toy')
          .send([{ ...row, f2: 'high' }]),
      400,
    ],
  ];
  for (const [name, send, status] of badInputs) {
    it(`rejects ${name} with ${status} and changes nothing`, async () => {
      await events(['e1']);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
      expect((await h.store.recentEvents('toy', 10)).map((e) => e.eventId)).toEqual(['e1']);
      expect(await h.store.recentLabelledEvents('toy', 10)).toEqual([]);
      expect(h.toy.windows.labelled.size).toBe(0);
    });
  }

  it('takes the original /iterate rows as events with generated ids', async () => {
    const row = { f1: 0.1, f2: 0.2, f3: 0.3, prediction: 'walk', label: 'curl', proba_walk: 0.9 };
    const res = await request(h.app)
      .post('/iterate/toy')
      .send([row, { ...row, label: null }]);
    expect(res.status).toBe(200);
    const stored = await h.store.recentEvents('toy', 10);
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(2);
    expect(stored[0]).toMatchObject({
      features: { f1: 0.1, f2: 0.2, f3: 0.3 },
      label: 'curl',
      probabilities: { walk: 0.9 },
    });
    expect(stored[1]?.label).toBeUndefined();
  });

  it('rejects /iterate rows with a column the dataset does not have', async () => {
    const res = await request(h.app)
      .post('/iterate/toy')
      .send([{ f1: 0, f2: 0, f3: 0, prediction: 'walk', f4: 1 }]);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('[0]');
    expect(await h.store.recentEvents('toy', 10)).toEqual([]);
  });

  it('answers 404 for a report not computed yet, then the latest report', async () => {
    expect((await request(h.app).get('/v1/datasets/toy/report')).status).toBe(404);
    await events(Array.from({ length: 25 }, (_, i) => `e${i}`));
    await h.toy.job.run();
    const res = await request(h.app).get('/v1/datasets/toy/report');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual({ reference: 2, current: 25 });
    expect(res.body.features.f1.ks.statistic).toBeCloseTo(0.5);
  });

  it('stores, counts and reads back Alertmanager alerts', async () => {
    const alert = (status: string) => ({
      status,
      labels: { alertname: 'DatasetDriftDetected', dataset: 'toy', severity: 'warning' },
      annotations: { summary: 'drift' },
      startsAt: '2024-05-01T12:00:00Z',
      fingerprint: 'abc',
    });
    const body = {
      version: '4',
      status: 'firing',
      receiver: 'monitoring',
      alerts: [alert('firing'), alert('resolved')],
    };
    const res = await request(h.app).post('/v1/alerts').send(body);
    expect(res.status).toBe(200);
    expect((await h.store.recentAlerts(10)).map((a) => a.status)).toEqual(['firing', 'resolved']);
    const labels = { dataset: 'toy', alertname: 'DatasetDriftDetected', status: 'firing' };
    expect(await sample(h.registry, 'monitoring_alerts_received_total', labels)).toBe(1);
  });

  it('rejects an alert webhook body without alerts', async () => {
    const res = await request(h.app).post('/v1/alerts').send({ status: 'firing' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('alerts');
  });
});
