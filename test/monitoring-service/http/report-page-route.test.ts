import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import { type Harness, startHarness } from '../helpers/service-harness.js';
import { makeEvents } from '../helpers/toy-traffic.js';

describe('GET /v1/datasets/:dataset/report.html', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(driftEngine, 'page-token');
  });
  afterEach(async () => h.close());

  it('answers 404 as JSON before a report exists and for an unknown dataset', async () => {
    const early = await request(h.app).get('/v1/datasets/toy/report.html');
    expect([early.status, early.body.error.code]).toEqual([404, 'report_not_ready']);
    const unknown = await request(h.app).get('/v1/datasets/nope/report.html');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_dataset']);
  });

  it('serves the latest report as HTML, readable without a token like the JSON report', async () => {
    await request(h.app)
      .post('/v1/datasets/toy/events')
      .set('authorization', 'Bearer page-token')
      .send({ events: makeEvents(40, 3) });
    await h.scheduler.tick();
    const res = await request(h.app).get('/v1/datasets/toy/report.html');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('Drift report · toy');
    expect(res.text).toContain('current window <b>40 rows</b>');
    expect(res.text).toContain('computed <b>2024-05-01 12:00:00 UTC</b>');
    expect(res.text.match(/<svg class="dist"/g)).toHaveLength(3);
  });
});
