/**
 * The default Store: one segment log per dataset under `<dir>/events/<dataset>/`, every record
 * fsync'd (group-committed) before an append resolves, rebuilt into an in-memory index on open.
 * A failed write (a full disk) answers StoreUnavailableError and the log reopens itself later.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { yieldToLoop } from '@driftwatch/core/async/yield-to-loop';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import type { AlertRecord, AppendResult, EventRecord, LabelRecord, LabelResult } from '../store.js';
import type { RetentionPolicy, Store, StoredEvent } from '../store.js';
import { AlertLog } from './alert-log.js';
import type { EventLogRecord, LabelLogRecord } from './dataset-index.js';
import { enforceRetention, openDatasetLog, readEvents } from './dataset-log.js';
import type { DatasetLog } from './dataset-log.js';
import { encodeRecord } from './record-codec.js';
import { Reopening } from './reopening.js';

export interface EmbeddedStoreOptions {
  dir: string;
  retention: RetentionPolicy;
  maxSegmentBytes?: number;
  now?: () => number;
  /** Receives failures of background retention; they never fail an append. */
  onError?: (error: unknown) => void;
  /**
   * Told when a log write or fsync failed. Writes then answer StoreUnavailableError until the
   * log, reopened from disk after `reopenRetryMs`, accepts them again; reads keep working.
   */
  onWriteError?: (error: Error, dataset: string) => void;
  /** Told of every damaged or torn range that replay skipped and quarantined ('' = alerts). */
  onDamage?: (damage: LogDamage, dataset: string) => void;
  /** How long after a failed write the next write may try to reopen the log. */
  reopenRetryMs?: number;
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
/** Records encoded between two yields to the event loop (a few milliseconds of work). */
const YIELD_EVERY = 200;

export class EmbeddedStore implements Store {
  private readonly datasets = new Map<string, Reopening<DatasetLog>>();
  private readonly alerts: Reopening<AlertLog>;
  readonly now: () => number;

  private constructor(private readonly options: EmbeddedStoreOptions) {
    this.now = options.now ?? Date.now;
    const dir = join(options.dir, 'alerts');
    this.alerts = this.reopening(
      () =>
        AlertLog.open(
          dir,
          this.segmentBytes,
          (e) => this.failed(this.alerts, e, ''),
          (d) => options.onDamage?.(d, ''),
        ),
      (log) => log.close(),
    );
  }

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(options);
    await store.alerts.read();
    const eventsDir = join(options.dir, 'events');
    await mkdir(eventsDir, { recursive: true });
    for (const name of await readdir(eventsDir)) {
      const dataset = await store.dataset(decodeURIComponent(name)).read();
      await enforceRetention(dataset, store.now());
    }
    return store;
  }

  appendEvents(dataset: string, events: readonly EventRecord[]): Promise<AppendResult> {
    return this.dataset(dataset).run((opened) => this.append(opened, events));
  }

  private async append(opened: DatasetLog, events: readonly EventRecord[]): Promise<AppendResult> {
    const { log, index, features: encoder } = opened;
    const receivedAtMs = this.now();
    const stored: StoredEvent[] = [];
    let lateLabels = 0;
    for (const [i, event] of events.entries()) {
      // Encoding thousands of events at once would hold the event loop; other requests go between.
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToLoop();
      if (index.entries.has(event.eventId)) continue;
      const waiting = index.takePending(event.eventId);
      if (waiting !== undefined) lateLabels++;
      const label = event.label ?? waiting;
      const e: EventRecord = label === undefined ? event : { ...event, label };
      const { features, ...rest } = e;
      const { names, values, sameNames } = encoder.encode(features);
      const { id, declared } = index.namesId(names, sameNames);
      // Written twice: one damaged byte must not orphan every event that refers to the list.
      if (declared)
        for (let copy = 0; copy < 2; copy++)
          log.append(encodeRecord({ t: 'n', n: { [id]: names } }));
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

  applyLabels(dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult> {
    return this.dataset(dataset).run((opened) => this.label(opened, labels));
  }

  private async label(opened: DatasetLog, labels: readonly LabelRecord[]): Promise<LabelResult> {
    const { log, index } = opened;
    const receivedAtMs = this.now();
    const matched: string[] = [];
    for (const [i, { eventId, label }] of labels.entries()) {
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToLoop();
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
    const { log, index } = await this.dataset(dataset).read();
    const all = [...index.entries.values()];
    return readEvents({ log, index }, all.slice(Math.max(0, all.length - limit)));
  }

  async recentLabelledEvents(dataset: string, limit: number): Promise<StoredEvent[]> {
    const { log, index } = await this.dataset(dataset).read();
    const labelled = [...index.entries.values()].filter((entry) => entry.labelSeq !== undefined);
    labelled.sort((a, b) => (a.labelSeq ?? 0) - (b.labelSeq ?? 0));
    return readEvents({ log, index }, labelled.slice(Math.max(0, labelled.length - limit)));
  }

  async findEvents(dataset: string, eventIds: readonly string[]): Promise<StoredEvent[]> {
    const { log, index } = await this.dataset(dataset).read();
    const found = eventIds.flatMap((eventId) => index.entries.get(eventId) ?? []);
    return readEvents({ log, index }, found);
  }

  recordAlerts(alerts: readonly AlertRecord[]): Promise<void> {
    const oldestKeptMs = this.now() - this.options.retention.maxAgeMs;
    return this.alerts.run((log) => log.append(alerts, oldestKeptMs));
  }

  async recentAlerts(limit: number): Promise<AlertRecord[]> {
    return (await this.alerts.read()).recent(limit);
  }

  async close(): Promise<void> {
    for (const opened of this.datasets.values()) await (await opened.read()).log.close();
    await (await this.alerts.read()).close();
  }

  private get segmentBytes(): number {
    return this.options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES;
  }

  private reopening<T>(open: () => Promise<T>, close: (log: T) => Promise<void>): Reopening<T> {
    return new Reopening(open, close, this.options.reopenRetryMs ?? 1000, this.now);
  }

  private failed(log: { fail(error: Error): void }, error: Error, dataset: string): void {
    log.fail(error);
    this.options.onWriteError?.(error, dataset);
  }

  private dataset(name: string): Reopening<DatasetLog> {
    let opened = this.datasets.get(name);
    if (!opened) {
      const reopening: Reopening<DatasetLog> = this.reopening(
        () => this.openDataset(name, reopening),
        (dataset) => dataset.log.close(),
      );
      opened = reopening;
      this.datasets.set(name, opened);
    }
    return opened;
  }

  private async openDataset(name: string, owner: Reopening<DatasetLog>): Promise<DatasetLog> {
    const dir = join(this.options.dir, 'events', encodeURIComponent(name));
    const { retention, onDamage } = this.options;
    const opened = await openDatasetLog(dir, retention, this.segmentBytes, (damage) =>
      onDamage?.(damage, name),
    );
    opened.log.onFailure = (error) => this.failed(owner, error, name);
    opened.log.onRotate = () => {
      enforceRetention(opened, this.now()).catch((error: unknown) => this.options.onError?.(error));
    };
    return opened;
  }
}
