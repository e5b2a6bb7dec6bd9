/**
 * End to end in-process: events over HTTP → scheduled run → /metrics and the report route, checked
 * against the drift engine's own report on the same rows.
 */
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import type {
  DriftTable,
  ReferenceProfile,
} from '../../../monitoring-service/src/drift/engine-api.js';
import type { DriftReport } from '../../../monitoring-service/src/drift/report-types.js';
import { type PromSample, parsePrometheusText, sampleValue } from '../helpers/prometheus-text.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { type Harness, startHarness } from '../helpers/service-harness.js';

const CLASSES = ['curl', 'squat', 'walk'];
const FEATURES = ['f1', 'f2', 'f3'];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shifted traffic: f1 moves up, f2/f3 stay close to the reference; ~75% correct predictions. */
function makeEvents(count: number, seed: number) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const label = CLASSES[Math.floor(random() * 3)]!;
    const prediction = random() < 0.75 ? label : CLASSES[Math.floor(random() * 3)]!;
    const features = { f1: 1.5 + random() * 3, f2: random(), f3: -2 * Math.log(1 - random()) };
    return {
      eventId: `ev-${seed}-${i}`,
      timestamp: '2024-05-01T12:00:00Z',
      features,
      prediction,
      label,
    };
  });
}

type TestEvent = ReturnType<typeof makeEvents>[number];

function tableOf(events: readonly TestEvent[], withTarget: boolean): DriftTable {
  const features = Object.fromEntries(
    FEATURES.map((f) => [f, Float64Array.from(events, (e) => e.features[f as 'f1'])]),
  );
  const table: DriftTable = {
    rowCount: events.length,
    features,
    prediction: events.map((e) => e.prediction),
  };
  if (withTarget) table.target = events.map((e) => e.label);
  return table;
}

describe('ingest → scheduled run → metrics', () => {
  let h: Harness;
  let profile: ReferenceProfile;
  beforeEach(async () => {
    h = await startHarness(driftEngine);
    const path = join(FIXTURES_DIR, 'monitoring-service', 'toy-reference.csv');
    const table = await driftEngine.readReferenceTable(path, h.toy.definition);
    profile = driftEngine.fitReferenceProfile(table, FEATURES);
  });
  afterEach(async () => h.close());

  const post = (path: string, body: unknown) =>
    request(h.app)
      .post(path)
      .send(body as object);
  const scrape = async () => parsePrometheusText((await request(h.app).get('/metrics')).text);
  const expectQuality = (samples: PromSample[], report: DriftReport, window = 'current') => {
    const q = report.classification!;
    const metric = (m: string) => sampleValue(samples, 'model_quality', { metric: m, window });
    expect(metric('accuracy')).toBe(q.accuracy);
    expect(metric('balanced_accuracy')).toBe(q.balancedAccuracy);
    expect(metric('precision_macro')).toBe(q.macro.precision);
    expect(metric('recall_macro')).toBe(q.macro.recall);
    expect(metric('f1_macro')).toBe(q.macro.f1);
    expect(metric('f1_weighted')).toBe(q.weighted.f1);
    for (const [cls, s] of Object.entries(q.perClass)) {
      for (const m of ['precision', 'recall', 'f1'] as const) {
        expect(sampleValue(samples, 'model_class_quality', { class: cls, metric: m, window })).toBe(
          s[m],
        );
      }
    }
  };

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
    expect(report.body).toEqual(JSON.parse(JSON.stringify(expected)));
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
      JSON.parse(JSON.stringify(expected)),
    );
  });
});
