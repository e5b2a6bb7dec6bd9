/**
 * In process: events with probabilities → scheduled run → the report's estimatedClassification
 * and the model_quality_estimated series, equal to the engine's estimate on the same rows.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import type { ReferenceProfile } from '../../../core/src/drift/engine-api.js';
import { estimateTableQuality } from '../../../core/src/drift/estimate-table-quality.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { parsePrometheusText, sampleValue } from '../helpers/prometheus-text.js';
import { type Harness, startHarness } from '../helpers/service-harness.js';
import { makeEvents, tableOf } from '../helpers/toy-traffic.js';

const CLASSES = ['curl', 'squat', 'walk'];

/** Toy traffic whose events carry probabilities that favour the predicted class. */
function eventsWithProbabilities(count: number) {
  return makeEvents(count, 7).map((event, i) => {
    const top = 0.5 + (i % 5) / 10;
    const probabilities = Object.fromEntries(
      CLASSES.map((c) => [c, c === event.prediction ? top : (1 - top) / 2]),
    );
    return { ...event, probabilities };
  });
}

describe('label-free quality estimate in the service', () => {
  let h: Harness;
  let profile: ReferenceProfile;
  beforeEach(async () => {
    h = await startHarness(driftEngine);
    // The service's own fitted profile: the reports below are computed against the same one.
    profile = h.toy.job.profile;
  });
  afterEach(async () => h.close());

  it('calibrates on the reference’s probability columns', () => {
    expect(profile.calibration?.classes).toEqual(CLASSES);
  });

  it('estimates the quality of unlabelled events and publishes it with its band', async () => {
    const events = eventsWithProbabilities(60);
    const unlabelled = events.map(({ label: _, ...event }) => event);
    const posted = await request(h.app)
      .post('/v1/datasets/toy/events')
      .send({ events: unlabelled });
    expect(posted.status).toBe(200);
    await h.scheduler.tick();
    const table = { ...tableOf(events, false), probabilities: events.map((e) => e.probabilities) };
    const expected = estimateTableQuality(profile.calibration, table)!;
    const report = (await request(h.app).get('/v1/datasets/toy/report')).body as DriftReport;
    expect(report.classification).toBeNull();
    expect(report.estimatedClassification).toEqual(JSON.parse(JSON.stringify(expected)));
    const samples = parsePrometheusText((await request(h.app).get('/metrics')).text);
    const value = (name: string, metric: string) => sampleValue(samples, name, { metric });
    expect(value('model_quality_estimated', 'accuracy')).toBe(expected.accuracy);
    expect(value('model_quality_estimated', 'f1_macro')).toBe(expected.macro.f1);
    expect(value('model_quality_estimated_lower', 'accuracy')).toBe(expected.band.accuracy.lower);
    expect(value('model_quality_estimated_upper', 'accuracy')).toBe(expected.band.accuracy.upper);
  });

  it('reports no estimate for events without probabilities', async () => {
    const events = makeEvents(60, 3);
    await request(h.app).post('/v1/datasets/toy/events').send({ events });
    await h.scheduler.tick();
    const report = (await request(h.app).get('/v1/datasets/toy/report')).body as DriftReport;
    expect(report.estimatedClassification).toBeNull();
    const text = (await request(h.app).get('/metrics')).text;
    expect(text).not.toMatch(/^model_quality_estimated\{/m);
  });
});
