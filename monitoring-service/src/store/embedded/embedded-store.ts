/**
 * The default Store: one segment log per dataset under `<dir>/events/<dataset>/`, every record
 * fsync'd (group-committed) before an append resolves, rebuilt into an in-memory index on open.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertRecord, AppendResult, EventRecord, LabelRecord, LabelResult } from '../store.js';
import type { RetentionPolicy, Store, StoredEvent } from '../store.js';
import { AlertLog } from './alert-log.js';
import type { EventLogRecord, LabelLogRecord } from './dataset-index.js';
import { enforceRetention, openDatasetLog, readEvents } from './dataset-log.js';
import type { DatasetLog } from './dataset-log.js';
import { encodeRecord } from './record-codec.js';

export interface EmbeddedStoreOptions {
  dir: string;
  retention: RetentionPolicy;
  maxSegmentBytes?: number;
  now?: () => number;
  /** Receives failures of background retention; they never fail an append. */
  onError?: (error: unknown) => void;
  /**
   * Told when a log write or fsync failed. The in-memory index may then hold events that never
   * became durable, so the owner should stop and let a restart replay the log.
   */
  onFatal?: (error: Error) => void;
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

export class EmbeddedStore implements Store {
  private readonly datasets = new Map<string, Promise<DatasetLog>>();
  readonly now: () => number;

  private constructor(
    private readonly options: EmbeddedStoreOptions,
    private readonly alerts: AlertLog,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const segmentBytes = options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES;
    const alerts = await AlertLog.open(join(options.dir, 'alerts'), segmentBytes, options.onFatal);
    const store = new EmbeddedStore(options, alerts);
    const eventsDir = join(options.dir, 'events');
    await mkdir(eventsDir, { recursive: true });
    for (const name of await readdir(eventsDir)) {
      const dataset = await store.dataset(decodeURIComponent(name));
      await enforceRetention(dataset, store.now());
    }
    return store;
  }

  async appendEvents(dataset: string, events: readonly EventRecord[]): Promise<AppendResult> {
    const { log, index, features: encoder } = await this.dataset(dataset);
    const receivedAtMs = this.now();
    const stored: StoredEvent[] = [];
    let lateLabels = 0;
    for (const event of events) {
      if (index.entries.has(event.eventId)) continue;
      const waiting = index.takePending(event.eventId);
      if (waiting !== undefined) lateLabels++;
      const label = event.label ?? waiting;
      const e: EventRecord = label === undefined ? event : { ...event, label };
      const { features, ...rest } = e;
      const { names, values, sameNames } = encoder.encode(features);
      const { id, declared } = index.namesId(names, sameNames);
      if (declared) log.append(encodeRecord({ t: 'n', n: { [id]: names } }));
      const record: EventLogRecord = {
        t: 'e',
        s: index.nextSeq(),
        o: index.nextOrdinal(),
        r: receivedAtMs,
        e: rest,
        f: { k: id, v: values },
      };
      index.addEvent(record, log.append(encodeRecord(record)));
      stored.push({ ...e, receivedAtMs });
    }
    await log.flush();
    return { stored, duplicates: events.length - stored.length, lateLabels };
  }

  async applyLabels(dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult> {
    const { log, index } = await this.dataset(dataset);
    const receivedAtMs = this.now();
    const matched: string[] = [];
    for (const { eventId, label } of labels) {
      const record: LabelLogRecord = {
        t: 'l',
        s: index.nextSeq(),
        r: receivedAtMs,
        id: eventId,
        l: label,
      };
      if (index.addLabel(record, log.append(encodeRecord(record)))) matched.push(eventId);
    }
    await log.flush();
    return { matched, unmatched: labels.length - matched.length };
  }

  async recentEvents(dataset: string, limit: number): Promise<StoredEvent[]> {
    const { log, index } = await this.dataset(dataset);
    const all = [...index.entries.values()];
    return readEvents({ log, index }, all.slice(Math.max(0, all.length - limit)));
  }

  async recentLabelledEvents(dataset: string, limit: number): Promise<StoredEvent[]> {
    const { log, index } = await this.dataset(dataset);
    const labelled = [...index.entries.values()].filter((entry) => entry.labelSeq !== undefined);
    labelled.sort((a, b) => (a.labelSeq ?? 0) - (b.labelSeq ?? 0));
    return readEvents({ log, index }, labelled.slice(Math.max(0, labelled.length - limit)));
  }

  async findEvents(dataset: string, eventIds: readonly string[]): Promise<StoredEvent[]> {
    const { log, index } = await this.dataset(dataset);
    const found = eventIds.flatMap((eventId) => index.entries.get(eventId) ?? []);
    return readEvents({ log, index }, found);
  }

  recordAlerts(alerts: readonly AlertRecord[]): Promise<void> {
    return this.alerts.append(alerts, this.now() - this.options.retention.maxAgeMs);
  }

  async recentAlerts(limit: number): Promise<AlertRecord[]> {
    return this.alerts.recent(limit);
  }

  async close(): Promise<void> {
    for (const opened of this.datasets.values()) await (await opened).log.close();
    await this.alerts.close();
  }

  private dataset(name: string): Promise<DatasetLog> {
    let opened = this.datasets.get(name);
    if (!opened) {
      opened = this.openDataset(name);
      this.datasets.set(name, opened);
    }
    return opened;
  }

  private async openDataset(name: string): Promise<DatasetLog> {
    const dir = join(this.options.dir, 'events', encodeURIComponent(name));
    const segmentBytes = this.options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES;
    const opened = await openDatasetLog(dir, this.options.retention, segmentBytes);
    opened.log.onFailure = this.options.onFatal;
    opened.log.onRotate = () => {
      enforceRetention(opened, this.now()).catch((error: unknown) => this.options.onError?.(error));
    };
    return opened;
  }
}
