import type { Dashboard } from '../builders/dashboard-model.js';
import { dashboard } from '../builders/dashboard.js';
import { stateMapping, steps } from '../builders/panel-spec.js';
import { stat, timeSeries } from '../builders/panels.js';
import { ds, histogramQuantile, percentiles, rateOf } from '../builders/queries.js';
import { datasetVariable } from '../builders/variables.js';
import { ingestionRow, predictionRow } from './service-traffic.js';

const statusRow = [
  stat({
    title: 'Scrape targets',
    description:
      'Whether Prometheus reaches each service (the up series); ServiceDown fires after a minute down.',
    unit: 'none',
    queries: [{ expr: 'up', legend: '{{job}}' }],
    mappings: [stateMapping([0, 'Down', 'red'], [1, 'Up', 'green'])],
    width: 12,
    height: 4,
  }),
  stat({
    title: 'Forwarding outbox',
    description:
      'Events waiting in the prediction service’s durable outbox for the monitoring service.',
    unit: 'none',
    queries: [{ expr: `sum(${ds('prediction_forward_queue_events')})` }],
    thresholds: steps('green', [500, 'yellow'], [5000, 'red']),
    width: 6,
    height: 4,
  }),
  stat({
    title: 'Alerts received (1 h)',
    description:
      'Firing notifications the monitoring service received from Alertmanager in the last hour.',
    unit: 'none',
    decimals: 0,
    queries: [{ expr: 'sum(increase(monitoring_alerts_received_total{status="firing"}[1h]))' }],
    thresholds: steps('green', [1, 'yellow']),
    width: 6,
    height: 4,
  }),
];

const forwardingRow = [
  timeSeries({
    title: 'Forwarding outbox over time',
    description:
      'Events waiting in the outbox; ForwardBacklog fires when it never drains and keeps growing.',
    unit: 'none',
    queries: [{ expr: `sum(${ds('prediction_forward_queue_events')})`, legend: 'queued' }],
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Forwarding outcomes',
    description:
      'Events per second the prediction service forwarded to the monitoring service, by outcome.',
    unit: 'cps',
    queries: [
      {
        expr: `sum by (outcome) (${rateOf('prediction_forward_events_total')})`,
        legend: '{{outcome}}',
      },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Drift runs',
    description: 'Drift report computations per second, by outcome.',
    unit: 'ops',
    queries: [{ expr: `sum by (outcome) (${rateOf('drift_runs_total')})`, legend: '{{outcome}}' }],
    min: 0,
    width: 8,
    height: 8,
  }),
];

const driftRow = [
  timeSeries({
    title: 'Prediction stages',
    description:
      '90th percentile per request of the time spent featurizing windows and in model inference.',
    unit: 's',
    queries: [
      {
        expr: histogramQuantile(0.9, 'prediction_stage_duration_seconds', ['stage']),
        legend: '{{stage}} p90',
      },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Drift run duration',
    description:
      'Percentiles of the time one drift report takes; it should stay well under the 10 s schedule.',
    unit: 's',
    queries: percentiles('drift_run_duration_seconds'),
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Alerts received',
    description:
      'Alertmanager notifications received by the monitoring service webhook, by alert and status.',
    unit: 'none',
    decimals: 0,
    queries: [
      {
        expr: 'sum by (alertname, status) (increase(monitoring_alerts_received_total[$__rate_interval]))',
        legend: '{{alertname}} {{status}}',
      },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
];

export function serviceHealthDashboard(): Dashboard {
  return dashboard({
    uid: 'driftwatch-service-health',
    title: 'Driftwatch: Service health',
    description:
      'Traffic, errors and latency of the prediction and monitoring services, event forwarding, drift runs and the alerts they raised.',
    variables: [datasetVariable()],
    rows: [statusRow, predictionRow, ingestionRow, forwardingRow, driftRow],
  });
}
