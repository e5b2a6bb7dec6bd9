import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Statuses /predict answers with; each starts as a zero series so error ratios read 0, not "No data". */
export const KNOWN_STATUSES = ['200', '400', '401', '413', '415', '500', '503'] as const;

/** Forwarding outcomes, each started as a zero series. */
export const FORWARD_OUTCOMES = ['acknowledged', 'retried', 'dead_lettered', 'rejected'] as const;

/** The prediction service's series (docs/metrics.md), registered on the given registry. */
export function createMetrics(registry: Registry) {
  const metrics = registerMetrics(registry);
  for (const status of KNOWN_STATUSES) metrics.requests.inc({ status }, 0);
  for (const outcome of FORWARD_OUTCOMES) metrics.forwardEvents.inc({ outcome }, 0);
  return metrics;
}

function registerMetrics(registry: Registry) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'prediction_requests_total',
      help: '/predict requests by HTTP status code.',
      labelNames: ['status'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'prediction_request_duration_seconds',
      help: 'Time from receiving a /predict request to answering it.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    stageDuration: new Histogram({
      name: 'prediction_stage_duration_seconds',
      help: 'Time per /predict request spent featurizing windows or in model inference.',
      labelNames: ['stage'] as const,
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    }),
    windows: new Counter({
      name: 'prediction_windows_total',
      help: 'Windows predicted, by predicted class.',
      labelNames: ['class'] as const,
      registers,
    }),
    forwardQueue: new Gauge({
      name: 'prediction_forward_queue_events',
      help: 'Events in the durable outbox not yet acknowledged by the monitoring service.',
      registers,
    }),
    forwardEvents: new Counter({
      name: 'prediction_forward_events_total',
      help: 'Events by forwarding outcome: acknowledged, retried (per failed send), dead_lettered, rejected (outbox full).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    outboxCorruptRecords: new Counter({
      name: 'prediction_outbox_corrupt_records_total',
      help: 'Damaged ranges of the outbox (each one or more records lost to a checksum failure) skipped and quarantined on start-up.',
      registers,
    }),
    modelInfo: new Gauge({
      name: 'prediction_model_info',
      help: 'The served model; always 1.',
      labelNames: ['model_version'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
