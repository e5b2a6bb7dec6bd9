import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, fakeReport } from '../helpers/fake-engine.js';
import { type Harness, sample, startHarness, toyEvent } from '../helpers/service-harness.js';

describe('ReportJob', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(fakeEngine);
  });
  afterEach(async () => h.close());

  const ingest = (count: number, from = 0) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .send({ events: Array.from({ length: count }, (_, i) => toyEvent(`e${from + i}`)) });
  const value = (name: string, labels: Record<string, string> = {}) =>
    sample(h.registry, name, { dataset: 'toy', ...labels });

  it('publishes window sizes and counts the run, but no drift decision, below the minimum', async () => {
    await ingest(10);
    expect(await h.toy.job.run()).toBe('insufficient_data');
    expect(await value('drift_window_events', { window: 'current' })).toBe(10);
    expect(await value('drift_window_events', { window: 'labeled' })).toBe(0);
    expect(await value('drift_runs_total', { outcome: 'insufficient_data' })).toBe(1);
    expect(await value('drift_last_run_timestamp_seconds')).toBe(h.clock.nowMs / 1000);
    expect(await value('drift_dataset_detected')).toBeUndefined();
    expect(await value('drift_feature_ks_statistic', { feature: 'f1' })).toBeUndefined();
    expect(await value('drift_categorical_detected', { column: 'prediction' })).toBeUndefined();
  });

  it('computes when a window changed and only then', async () => {
    await ingest(25);
    expect(await h.toy.job.run()).toBe('success');
    expect(await value('drift_feature_ks_statistic', { feature: 'f1' })).toBeCloseTo(0.5);
    expect(await value('drift_dataset_detected')).toBe(0);
    expect(await h.toy.job.run()).toBe('unchanged');
    await ingest(1, 25);
    expect(await h.toy.job.run()).toBe('success');
    expect(await value('drift_runs_total', { outcome: 'success' })).toBe(2);
    expect(await value('drift_runs_total', { outcome: 'unchanged' })).toBe(1);
    expect(await value('drift_window_events', { window: 'current' })).toBe(26);
  });

  it('moves model_quality when delayed labels arrive', async () => {
    await ingest(25);
    const label = (from: number, to: number, name: string) =>
      Array.from({ length: to - from }, (_, i) => ({ eventId: `e${from + i}`, label: name }));
    await request(h.app)
      .post('/v1/datasets/toy/labels')
      .send([...label(0, 20, 'walk'), ...label(20, 25, 'curl')]);
    await h.toy.job.run();
    const accuracy = () => value('model_quality', { metric: 'accuracy', window: 'current' });
    expect(await accuracy()).toBeCloseTo(0.8);
    expect(await value('model_label_coverage_ratio')).toBe(1);
    await request(h.app)
      .post('/v1/datasets/toy/labels')
      .send(label(0, 5, 'squat'));
    await h.toy.job.run();
    expect(await accuracy()).toBeCloseTo(0.6);
  });

  it('publishes no quality while the labelled window is below its minimum', async () => {
    await ingest(25);
    await request(h.app)
      .post('/v1/datasets/toy/labels')
      .send([{ eventId: 'e1', label: 'walk' }]);
    await h.toy.job.run();
    expect(await value('model_quality', { metric: 'accuracy', window: 'current' })).toBeUndefined();
    expect(await value('drift_categorical_detected', { column: 'label' })).toBeUndefined();
    expect(await value('drift_categorical_detected', { column: 'prediction' })).toBe(0);
    expect(await value('model_label_coverage_ratio')).toBeCloseTo(1 / 25);
  });

  it('tests the features once per run when the labelled window differs from the current', async () => {
    await h.close();
    const calls = { report: 0, quality: 0 };
    h = await startHarness({
      ...fakeEngine,
      computeDriftReport: (profile, table) => {
        calls.report++;
        return fakeReport(profile, table);
      },
      computeLabelQuality: (profile, table) => {
        calls.quality++;
        return fakeEngine.computeLabelQuality(profile, table);
      },
    });
    await ingest(25);
    // 20 of the 25 labelled, 15 of them as predicted ('walk'): a labelled window of its own.
    const labels = Array.from({ length: 20 }, (_, i) => ({
      eventId: `e${i}`,
      label: i < 15 ? 'walk' : 'curl',
    }));
    await request(h.app).post('/v1/datasets/toy/labels').send(labels);
    expect(await h.toy.job.run()).toBe('success');
    expect(calls).toEqual({ report: 1, quality: 1 });
    expect(await value('drift_window_events', { window: 'labeled' })).toBe(20);
    const accuracy = await value('model_quality', { metric: 'accuracy', window: 'current' });
    expect(accuracy).toBeCloseTo(0.75);
  });

  it('publishes the reference it compares against', async () => {
    const info = { reference_hash: 'fakehash', model_version: 'toy-1' };
    expect(await value('drift_reference_info', info)).toBe(1);
    const share = { class: 'curl', column: 'prediction', window: 'reference' };
    expect(await value('model_class_share', share)).toBe(0.5);
  });

  it('counts a failed run as an error and keeps the last report', async () => {
    await h.close();
    let failing = false;
    h = await startHarness({
      ...fakeEngine,
      computeDriftReport: (profile, table) => {
        if (failing) throw new Error('engine failed');
        return fakeReport(profile, table);
      },
    });
    await ingest(25);
    await h.toy.job.run();
    const report = h.toy.job.latestReport;
    await ingest(1, 25);
    failing = true;
    expect(await h.toy.job.run()).toBe('error');
    expect(h.toy.job.latestReport).toBe(report);
    expect(await value('drift_runs_total', { outcome: 'error' })).toBe(1);
    expect(h.errors).toHaveLength(1);
  });
});
