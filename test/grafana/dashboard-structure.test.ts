import { describe, expect, it } from 'vitest';
import type { Dashboard, Panel } from '../../grafana/src/builders/dashboard-model.js';
import { allDashboards } from '../../grafana/src/render-dashboards.js';
import { isCatalogueSeries } from '../prometheus/metric-catalogue.js';
import { promqlMetricNames } from '../prometheus/promql-names.js';
import { recordedNames } from '../prometheus/rule-files.js';
import { dashboardQueries } from './dashboard-queries.js';

const dashboards = [...allDashboards().values()];

function overlaps(a: Panel, b: Panel): boolean {
  const [p, q] = [a.gridPos, b.gridPos];
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

function metricsOf(dashboard: Dashboard): Set<string> {
  return new Set(dashboardQueries(dashboard).flatMap((query) => promqlMetricNames(query.expr)));
}

describe.each(dashboards.map((d) => [d.title, d] as const))('%s', (_title, dashboard) => {
  it('targets Grafana 11 (schemaVersion 39) under a driftwatch- uid', () => {
    expect(dashboard.schemaVersion).toBe(39);
    expect(dashboard.uid).toMatch(/^driftwatch-[a-z-]+$/);
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
  });

  it('offers the dataset variable from label_values first', () => {
    const [first] = dashboard.templating.list;
    expect(first?.name).toBe('dataset');
    expect(first?.query.query).toMatch(/^label_values\(\w+, dataset\)$/);
  });

  it('gives every panel a description and a unit, and queries the provisioned datasource', () => {
    for (const panel of dashboard.panels) {
      expect(panel.description, panel.title).toMatch(/\S{3}/);
      expect(panel.fieldConfig.defaults.unit, panel.title).toMatch(/\S/);
      expect(panel.datasource.uid).toBe('prometheus');
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('filters every dataset-scoped query by the dataset variable', () => {
    // Alerts such as ServiceDown concern no dataset, so their counter is shown unfiltered.
    const scoped = (name: string) =>
      isCatalogueSeries(name) && name !== 'monitoring_alerts_received_total';
    const unfiltered = dashboardQueries(dashboard)
      .filter((q) => promqlMetricNames(q.expr).some(scoped))
      .filter((q) => !/dataset=~?"\$dataset\|?"/.test(q.expr) && !q.where.endsWith('$dataset'))
      .map((q) => q.where);
    expect(unfiltered).toEqual([]);
  });

  it('lays panels out on the 24-column grid without overlap, with unique ids', () => {
    const { panels } = dashboard;
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const [i, panel] of panels.entries()) {
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
      for (const other of panels.slice(i + 1))
        expect(overlaps(panel, other), panel.title).toBe(false);
    }
  });

  it('reads only catalogue metrics, recording rules, up and ALERTS', () => {
    const recorded = recordedNames();
    const builtIn = new Set(['up', 'ALERTS']);
    const unknown = [...metricsOf(dashboard)].filter(
      (name) => !isCatalogueSeries(name) && !recorded.has(name) && !builtIn.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it('marks the firing alerts of its dataset (or of none) on its time panels', () => {
    const alerts = dashboard.annotations.list.find((a) => 'expr' in a);
    expect(alerts && 'expr' in alerts ? alerts.expr : '').toBe(
      'ALERTS{alertstate="firing", dataset=~"$dataset|"}',
    );
  });
});

const EXPECTED_CONTENT: Record<string, { metrics: string[]; panelTypes: string[] }> = {
  'driftwatch-data-drift': {
    metrics: [
      'drift_dataset_detected',
      'drift_dataset_drifted_features_share',
      'drift_dataset_drifted_features',
      'drift_feature_ks_pvalue',
      'drift_feature_ks_statistic',
      'drift_feature_psi',
      'drift_window_events',
      'drift_last_run_timestamp_seconds',
    ],
    panelTypes: ['state-timeline', 'bargauge', 'table', 'timeseries', 'stat', 'heatmap'],
  },
  'driftwatch-prediction-drift': {
    metrics: [
      'drift_categorical_chi2_pvalue',
      'drift_categorical_js_distance',
      'drift_categorical_psi',
      'model_class_share',
    ],
    panelTypes: ['barchart', 'timeseries'],
  },
  'driftwatch-classification-quality': {
    metrics: [
      'model_quality',
      'model_class_quality',
      'model_confusion_matrix',
      'model_label_coverage_ratio',
    ],
    panelTypes: ['table', 'timeseries', 'stat'],
  },
  'driftwatch-service-health': {
    metrics: [
      'prediction_requests_total',
      'prediction_request_duration_seconds_bucket',
      'prediction_forward_queue_events',
      'prediction_forward_events_total',
      'monitoring_events_ingested_total',
      'drift_run_duration_seconds_bucket',
      'monitoring_alerts_received_total',
    ],
    panelTypes: ['timeseries', 'stat'],
  },
};

describe('dashboard set', () => {
  it('has the four dashboards with distinct uids', () => {
    expect(dashboards.map((d) => d.uid).sort()).toEqual(Object.keys(EXPECTED_CONTENT).sort());
  });

  it.each(Object.entries(EXPECTED_CONTENT))('%s shows the metrics it is for', (uid, expected) => {
    const dashboard = dashboards.find((d) => d.uid === uid);
    if (dashboard === undefined) throw new Error(`no dashboard ${uid}`);
    expect([...metricsOf(dashboard)]).toEqual(expect.arrayContaining(expected.metrics));
    const types = new Set(dashboard.panels.map((panel) => panel.type));
    expect([...types]).toEqual(expect.arrayContaining(expected.panelTypes));
  });
});
