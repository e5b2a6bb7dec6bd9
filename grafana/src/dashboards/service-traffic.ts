import { steps } from '../builders/panel-spec.js';
import { timeSeries } from '../builders/panels.js';
import { percentiles, rateOf } from '../builders/queries.js';

/** Requests, errors and latency of the prediction service. */
export const predictionRow = [
  timeSeries({
    title: 'Prediction requests',
    description: 'Requests per second to the prediction service, by HTTP status.',
    unit: 'reqps',
    queries: [
      { expr: `sum by (status) (${rateOf('prediction_requests_total')})`, legend: '{{status}}' },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Prediction error ratio',
    description: 'Share of prediction requests answered with a 5xx status.',
    unit: 'percentunit',
    queries: [
      {
        expr: `sum(${rateOf('prediction_requests_total', 'status=~"5.."')}) / sum(${rateOf('prediction_requests_total')})`,
        legend: 'errors',
      },
    ],
    thresholds: steps('green', [0.01, 'red']),
    thresholdLines: true,
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Prediction latency',
    description:
      'Percentiles of the prediction service’s request duration (featurization and inference included).',
    unit: 's',
    queries: percentiles('prediction_request_duration_seconds'),
    min: 0,
    width: 8,
    height: 8,
  }),
];

/** What reaches the monitoring service and what it turns away, plus what the model predicts. */
export const ingestionRow = [
  timeSeries({
    title: 'Events ingested and rejected',
    description:
      'Events per second the monitoring service stored, and those it rejected by reason.',
    unit: 'cps',
    queries: [
      { expr: `sum(${rateOf('monitoring_events_ingested_total')})`, legend: 'ingested' },
      {
        expr: `sum by (reason) (${rateOf('monitoring_events_rejected_total')})`,
        legend: 'rejected: {{reason}}',
      },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Event rejection ratio',
    description:
      'Share of events the monitoring service rejected, the error ratio of its ingestion endpoint.',
    unit: 'percentunit',
    queries: [
      {
        expr: `sum(${rateOf('monitoring_events_rejected_total')}) / (sum(${rateOf('monitoring_events_ingested_total')}) + sum(${rateOf('monitoring_events_rejected_total')}))`,
        legend: 'rejected',
      },
    ],
    thresholds: steps('green', [0.01, 'red']),
    thresholdLines: true,
    min: 0,
    width: 8,
    height: 8,
  }),
  timeSeries({
    title: 'Predictions by class',
    description: 'Windows per second the prediction service classified, by predicted class.',
    unit: 'cps',
    queries: [
      { expr: `sum by (class) (${rateOf('prediction_windows_total')})`, legend: '{{class}}' },
    ],
    min: 0,
    width: 8,
    height: 8,
  }),
];
