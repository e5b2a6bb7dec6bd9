/**
 * End to end in-process: events over HTTP → scheduled run → /metrics and the report route, checked
 * against the drift engine's own report on the same rows.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import type { ReferenceProfile } from '../../../core/src/drift/engine-api.js';
import { parsePrometheusText, sampleValue } from '../helpers/prometheus-text.js';
import { type Harness, startHarness } from '../helpers/service-harness.js';
import { resolveThresholds } from '../../../core/src/drift/decision-rules.js';
import { withSettings } from '../../../core/src/drift/report-settings.js';
import { expectQuality, makeEvents, tableOf } from '../helpers/toy-traffic.js';

/** The thresholds the toy dataset's reports are decided with. */
const settingsOf = (h: Harness) => resolveThresholds(h.toy.definition.reportOptions);

describe('ingest → scheduled run → metrics', () => {
  let h: Harness;
  let profile: ReferenceProfile;
  beforeEach(async () => {
    h = await startHarness(driftEngine);
    // The service's own fitted profile: the reports below are computed against the same one.
    profile = h.toy.job.profile;
  });
  afterEach(async () => h.close());

  const post = (path: string, body: unknown) =>
    request(h.app)
      .post(path)
      .send(body as object);
  const scrape = async () => parsePrometheusText((await request(h.app).get('/metrics')).text);
  it('publishes every pinned series equal to the engine report on the same rows', async () => {
    const events = makeEvents(80, 1);
    expect((await post('/v1/datasets/toy/events', { events: events.slice(0, 50) })).status).toBe(
      200,
    );
    expect((await post('/v1/datasets/toy/events', { events: events.slice(50) })).status).toBe(200);
    await h.scheduler.tick();
    const expected = driftEngine.computeDriftReport(
      profile,
      tableOf(events, true),
      h.toy.definition.reportOptions,
    );
    const samples = await scrape();
    for (const [feature, f] of Object.entries(expected.features)) {
      expect(sampleValue(samples, 'drift_feature_ks_statistic', { feature })).toBe(f.ks.statistic);
      expect(sampleValue(samples, 'drift_feature_ks_pvalue', { feature })).toBe(f.ks.pValue);
      expect(sampleValue(samples, 'drift_feature_psi', { feature })).toBe(f.psi);
      expect(sampleValue(samples, 'drift_feature_detected', { feature })).toBe(f.drifted ? 1 : 0);
    }
    expect(expected.features.f1?.drifted).toBe(true);
    expect(sampleValue(samples, 'drift_dataset_drifted_features', {})).toBe(
      expected.dataset.driftedFeatures,
    );
    expect(sampleValue(samples, 'drift_dataset_drifted_features_share', {})).toBe(
      expected.dataset.share,
    );
    expect(sampleValue(samples, 'drift_dataset_detected', {})).toBe(
      expected.dataset.drifted ? 1 : 0,
    );
    for (const [column, c] of [
      ['prediction', expected.prediction!],
      ['label', expected.target!],
    ] as const) {
      expect(sampleValue(samples, 'drift_categorical_chi2_pvalue', { column })).toBe(
        c.chiSquare.pValue,
      );
      expect(sampleValue(samples, 'drift_categorical_js_distance', { column })).toBe(
        c.jensenShannon,
      );
      expect(sampleValue(samples, 'drift_categorical_psi', { column })).toBe(c.psi);
      expect(sampleValue(samples, 'drift_categorical_detected', { column })).toBe(
        c.drifted ? 1 : 0,
      );
    }
    expectQuality(samples, expected);
    const q = expected.classification!;
    for (const [i, actual] of q.labels.entries()) {
      for (const [j, predicted] of q.labels.entries()) {
        const cell = sampleValue(samples, 'model_confusion_matrix', { actual, predicted });
        expect(cell).toBe(q.confusionMatrix[i]![j]);
      }
    }
    expect(sampleValue(samples, 'drift_window_events', { window: 'current' })).toBe(80);
    expect(sampleValue(samples, 'drift_window_events', { window: 'labeled' })).toBe(80);
    expect(sampleValue(samples, 'model_label_coverage_ratio', {})).toBe(1);
    expect(sampleValue(samples, 'drift_runs_total', { outcome: 'success' })).toBe(1);
    expect(
      sampleValue(samples, 'drift_reference_info', {
        reference_hash: profile.hash,
        model_version: 'toy-1',
      }),
    ).toBe(1);
    expectQuality(samples, { ...expected, classification: profile.quality }, 'reference');
    const walkShare = events.filter((e) => e.prediction === 'walk').length / 80;
    expect(
      sampleValue(samples, 'model_class_share', {
        class: 'walk',
        column: 'prediction',
        window: 'current',
      }),
    ).toBe(walkShare);
    const report = await request(h.app).get('/v1/datasets/toy/report');
    expect(report.body).toEqual(JSON.parse(JSON.stringify(withSettings(expected, settingsOf(h)))));
  });

  it('moves model_quality to the engine value when delayed labels arrive', async () => {
    const events = makeEvents(60, 2);
    const unlabelled = events.map(({ label, ...rest }) => rest);
    await post('/v1/datasets/toy/events', { events: unlabelled });
    await h.scheduler.tick();
    expect(
      sampleValue(await scrape(), 'model_quality', { metric: 'accuracy', window: 'current' }),
    ).toBeUndefined();

    await post(
      '/v1/datasets/toy/labels',
      events.map((e) => ({ eventId: e.eventId, label: e.label })),
    );
    await h.scheduler.tick();
    const expected = driftEngine.computeDriftReport(
      profile,
      tableOf(events, true),
      h.toy.definition.reportOptions,
    );
    const samples = await scrape();
    expectQuality(samples, expected);
    expect(sampleValue(samples, 'drift_categorical_chi2_pvalue', { column: 'label' })).toBe(
      expected.target!.chiSquare.pValue,
    );

    const flipped = events.slice(0, 30).map((e) => ({ eventId: e.eventId, label: e.prediction }));
    await post('/v1/datasets/toy/labels', flipped);
    await h.scheduler.tick();
    const relabelled = events.map((e, i) => (i < 30 ? { ...e, label: e.prediction } : e));
    // Relabelled events become the newest labelled ones, so the labelled window's order changes.
    const order = [...relabelled.slice(30), ...relabelled.slice(0, 30)];
    const after = driftEngine.computeDriftReport(
      profile,
      tableOf(order, true),
      h.toy.definition.reportOptions,
    );
    expect(after.classification!.accuracy).toBeGreaterThan(expected.classification!.accuracy);
    expectQuality(await scrape(), after);
  });

  it('counts a re-sent batch once', async () => {
    const events = makeEvents(40, 3);
    await post('/v1/datasets/toy/events', { events });
    const again = await post('/v1/datasets/toy/events', { events });
    expect(again.body).toEqual({ accepted: 40, stored: 0, duplicates: 40 });
    await h.scheduler.tick();
    const samples = await scrape();
    expect(sampleValue(samples, 'drift_window_events', { window: 'current' })).toBe(40);
    expect(sampleValue(samples, 'monitoring_events_ingested_total', {})).toBe(40);
    expect(sampleValue(samples, 'monitoring_events_rejected_total', { reason: 'duplicate' })).toBe(
      40,
    );
    const expected = driftEngine.computeDriftReport(
      profile,
      tableOf(events, true),
      h.toy.definition.reportOptions,
    );
    expect((await request(h.app).get('/v1/datasets/toy/report')).body).toEqual(
      JSON.parse(JSON.stringify(withSettings(expected, settingsOf(h)))),
    );
  });
});
