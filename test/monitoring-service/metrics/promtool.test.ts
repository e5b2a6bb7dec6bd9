/**
 * `promtool check metrics` on a full /metrics page: every series of the catalogue present (drift,
 * quality, counters, histogram) plus the Node.js process metrics. Skipped, with the reason in the
 * test name, where promtool is not installed (CI installs the Debian `prometheus` package).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import { collectProcessMetrics } from '../../../monitoring-service/src/metrics/process-metrics.js';
import { type Harness, startHarness, toyEvent } from '../helpers/service-harness.js';

const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = existsSync(PROMTOOL);

describe('/metrics exposition', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it.skipIf(!hasPromtool)(
    hasPromtool
      ? 'passes promtool check metrics'
      : 'passes promtool check metrics (skipped: /usr/bin/promtool not installed)',
    async () => {
      h = await startHarness(driftEngine);
      collectProcessMetrics(h.registry);
      const classes = ['curl', 'squat', 'walk'];
      const events = Array.from({ length: 40 }, (_, i) =>
        toyEvent(`e${i}`, (i % 9) / 3, {
          prediction: classes[i % 3],
          label: classes[(i + (i % 4 === 0 ? 1 : 0)) % 3],
          probabilities: Object.fromEntries(classes.map((c, k) => [c, k === i % 3 ? 0.8 : 0.1])),
        }),
      );
      await request(h.app).post('/v1/datasets/toy/events').send({ events });
      await request(h.app)
        .post('/v1/datasets/toy/labels')
        .send([{ eventId: 'nope', label: 'walk' }]);
      await request(h.app)
        .post('/v1/datasets/toy/events')
        .send({ events: [{ eventId: 'bad' }] });
      const alert = {
        status: 'firing',
        labels: { alertname: 'DatasetDriftDetected', dataset: 'toy' },
      };
      await request(h.app)
        .post('/v1/alerts')
        .send({ alerts: [alert] });
      await h.scheduler.tick();
      const page = (await request(h.app).get('/metrics')).text;
      for (const name of [
        'drift_feature_psi',
        'model_confusion_matrix',
        'drift_run_duration_seconds_bucket',
        'monitoring_alerts_received_total',
        'model_quality_estimated_upper',
      ]) {
        expect(page).toContain(name);
      }
      const check = spawnSync(PROMTOOL, ['check', 'metrics'], { input: page, encoding: 'utf8' });
      expect(`${check.stdout}${check.stderr}`.trim()).toBe('');
      expect(check.status).toBe(0);
    },
  );
});
