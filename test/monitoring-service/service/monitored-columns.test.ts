/**
 * Monitored-only columns end to end in-process: a dataset whose schema declares a column that is
 * not a model input takes it from each event's `monitored` values, tests it like a feature and
 * publishes it beside the features; events without it are refused.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { parsePrometheusText, sampleValue } from '../helpers/prometheus-text.js';
import { type Harness, startHarness, toyEvent } from '../helpers/service-harness.js';

const TOY = join(FIXTURES_DIR, 'monitoring-service');

/** The n-th value of the golden-ratio sequence: spread evenly over [0, 1) without a generator. */
const spread = (n: number) => (n * 0.6180339887498949) % 1;

/** The toy reference with a monitored column `m1` (uniform on [0, 1)) added to every row. */
async function writeDataset(dir: string): Promise<string> {
  const lines = (await readFile(join(TOY, 'toy-reference.csv'), 'utf8')).trimEnd().split('\n');
  const csv = lines.map((line, i) => `${line},${i === 0 ? 'm1' : spread(i)}`).join('\n');
  await writeFile(join(dir, 'reference.csv'), `${csv}\n`);
  const schema = JSON.parse(await readFile(join(TOY, 'toy-reference.schema.json'), 'utf8'));
  await writeFile(join(dir, 'schema.json'), JSON.stringify({ ...schema, monitored: ['m1'] }));
  const config = join(dir, 'datasets.yaml');
  await writeFile(
    config,
    'datasets:\n  - name: toy\n    reference: { data: reference.csv, schema: schema.json }\n' +
      '    windowSizeEvents: 100\n    minWindowEvents: 20\n',
  );
  return config;
}

describe('monitored-only columns', () => {
  let dir: string;
  let config: string;
  let h: Harness;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monitored-columns-'));
    config = await writeDataset(dir);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    h = await startHarness(driftEngine, undefined, config);
  });
  afterEach(async () => h.close());

  const post = (body: unknown) =>
    request(h.app)
      .post('/v1/datasets/toy/events')
      .send(body as object);
  /** 60 toy events whose m1 is spread over [0, 1) shifted by `shift`. */
  const events = (shift: number) =>
    Array.from({ length: 60 }, (_, i) =>
      toyEvent(`e${i}`, 0.2 + 0.01 * i, { monitored: { m1: spread(i + 1) + shift } }),
    );
  const reportAfterRun = async (): Promise<DriftReport> => {
    await h.scheduler.tick();
    const res = await request(h.app).get('/v1/datasets/toy/report');
    expect(res.status).toBe(200);
    return res.body as DriftReport;
  };

  it('are part of the dataset definition and of the fitted profile', () => {
    expect(h.toy.definition.monitoredColumns).toEqual(['m1']);
    expect(h.toy.job.profile.featureNames).toEqual(['f1', 'f2', 'f3', 'm1']);
  });

  it('are tested like features and published beside them', async () => {
    expect((await post({ events: events(0.6) })).status).toBe(200);
    const report = await reportAfterRun();
    expect(Object.keys(report.features)).toEqual(['f1', 'f2', 'f3', 'm1']);
    expect(report.features.m1!.drifted).toBe(true);
    expect(report.dataset.totalFeatures).toBe(4);
    const samples = parsePrometheusText((await request(h.app).get('/metrics')).text);
    const m1 = { dataset: 'toy', feature: 'm1' };
    expect(sampleValue(samples, 'drift_feature_ks_statistic', m1)).toBe(
      report.features.m1!.ks.statistic,
    );
    expect(sampleValue(samples, 'drift_feature_detected', m1)).toBe(1);
  });

  it('do not drift when they follow the reference', async () => {
    expect((await post({ events: events(0) })).status).toBe(200);
    const report = await reportAfterRun();
    expect(report.features.m1!.ks.pValue).toBeGreaterThan(0.5);
    expect(report.features.m1!.drifted).toBe(false);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['no monitored values', {}, 'events[0].monitored'],
    ['a missing monitored column', { monitored: { m2: 1 } }, 'events[0].monitored.m1'],
    ['a non-number', { monitored: { m1: 'x' } }, 'events[0].monitored.m1'],
    ['a non-number beside them', { monitored: { m1: 0.5, m2: 'x' } }, 'events[0].monitored.m2'],
  ];
  for (const [name, extra, field] of refused) {
    it(`refuse an event with ${name} (400 naming ${field}) and store nothing`, async () => {
      const res = await post({ events: [toyEvent('bad', 0.5, extra)] });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(await h.store.recentEvents('toy', 10)).toEqual([]);
    });
  }

  it('come from /iterate rows that have them, and are optional there', async () => {
    const row = { f1: 0.5, f2: 0.25, f3: 1.5, prediction: 'walk' };
    const res = await request(h.app)
      .post('/iterate/toy')
      .send([{ ...row, m1: 0.75 }, row]);
    expect(res.status).toBe(200);
    const stored = await h.store.recentEvents('toy', 10);
    expect(stored.map((e) => e.monitored)).toEqual([{ m1: 0.75 }, undefined]);
  });

  it('keep extra monitored values an event carries', async () => {
    const event = toyEvent('extra', 0.5, { monitored: { m1: 0.5, m2: 2 } });
    expect((await post({ events: [event] })).status).toBe(200);
    const [stored] = await h.store.recentEvents('toy', 10);
    expect(stored?.monitored).toEqual({ m1: 0.5, m2: 2 });
  });
});
