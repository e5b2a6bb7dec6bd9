/**
 * The storage contract of the monitoring service (docs/architecture.md, durability). Both
 * implementations (embedded log, MongoDB) pass the same contract suite: an append resolves only
 * once its events are durable, a re-sent eventId is stored once, the last label of an event wins
 * and a label that arrives before its event waits for it.
 */
import type { EventRecord, LabelRecord } from '@driftwatch/core/contract/event-records';

export type { EventRecord, LabelRecord };

/** An event as held by the store: the current label applied, the time it was received. */
export interface StoredEvent extends EventRecord {
  receivedAtMs: number;
}

export interface AppendResult {
  /** Newly stored events in arrival order, with any waiting label applied. */
  stored: StoredEvent[];
  /** Events whose eventId was already stored (or repeated within the batch). */
  duplicates: number;
  /** Waiting labels that found their event in this append. */
  lateLabels: number;
}

export interface LabelResult {
  /** eventIds whose stored event now carries the label, in the order given. */
  matched: string[];
  /** Labels kept until their event arrives. */
  unmatched: number;
}

/** An Alertmanager alert as received by the webhook. */
export interface AlertRecord {
  alertname: string;
  status: string;
  receivedAtMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  fingerprint?: string;
}

export interface Store {
  /** Stores the new events of a batch; resolves once they are durable. */
  appendEvents(dataset: string, events: readonly EventRecord[]): Promise<AppendResult>;
  /** Sets (or replaces) labels; a label for an unknown eventId waits for its event. */
  applyLabels(dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult>;
  /** The last `limit` events by arrival, oldest first. */
  recentEvents(dataset: string, limit: number): Promise<StoredEvent[]>;
  /** The last `limit` labelled events by the time they got their label, oldest first. */
  recentLabelledEvents(dataset: string, limit: number): Promise<StoredEvent[]>;
  /** The stored events among `eventIds`, in the order given; unknown ids are left out. */
  findEvents(dataset: string, eventIds: readonly string[]): Promise<StoredEvent[]>;
  recordAlerts(alerts: readonly AlertRecord[]): Promise<void>;
  /** The last `limit` alerts received, oldest first. */
  recentAlerts(limit: number): Promise<AlertRecord[]>;
  close(): Promise<void>;
}

/** How long, and how much, a store keeps. */
export interface RetentionPolicy {
  /** Events (and waiting labels) older than this are dropped. */
  maxAgeMs: number;
  /** At most about this many events are kept per dataset. */
  maxEventsPerDataset: number;
}

/**
 * Thrown by a write while the store cannot write (a full disk, an I/O error). Nothing of the
 * write was acknowledged; the store keeps serving reads and recovers by itself, so the caller
 * should retry later.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';

  constructor(options?: { cause?: unknown }) {
    super('the store cannot write right now', options);
  }
}
