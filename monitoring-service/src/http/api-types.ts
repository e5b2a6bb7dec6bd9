/**
 * Request bodies of the monitoring API (docs/contracts.md). Callers (the prediction service's forwarder,
 * the sender) import these types; the schemas that check them live in request-schemas.ts.
 */
import type { EventRecord, LabelRecord } from '../store/store.js';

/** One prediction event: features by name, all finite numbers; ISO-8601 timestamp. */
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
