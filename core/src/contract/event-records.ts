/**
 * The event contract between the prediction service (or any client) and the monitoring service:
 * the records one prediction and one late label are, and the bodies and answers of the routes
 * that take them. The zod schemas that check them are in event-schemas.ts.
 */

/** One prediction: its features by name (all finite numbers), the prediction, maybe its label. */
export interface EventRecord {
  eventId: string;
  /** ISO-8601 time of the prediction, as sent. */
  timestamp: string;
  features: Record<string, number>;
  /**
   * Monitored-only columns (not model inputs, e.g. raw-signal summaries) by name, tested for
   * drift like features when the dataset declares them.
   */
  monitored?: Record<string, number>;
  prediction: string;
  probabilities?: Record<string, number>;
  label?: string;
  metadata?: Record<string, unknown>;
}

/** A ground-truth label for an event sent before (or, waiting for it, after). */
export interface LabelRecord {
  eventId: string;
  label: string;
}

export type EventInput = EventRecord;

/** POST /v1/datasets/:dataset/events takes `{ events: [...] }` or the bare array. */
export interface EventBatchRequest {
  events: EventInput[];
}

/** POST /v1/datasets/:dataset/labels takes `[{ eventId, label }]` or `{ labels: [...] }`. */
export type LabelInput = LabelRecord;

export interface EventBatchResponse {
  accepted: number;
  stored: number;
  duplicates: number;
}

export interface LabelBatchResponse {
  matched: number;
  unmatched: number;
}
