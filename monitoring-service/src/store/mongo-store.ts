/**
 * Store on MongoDB (official driver). Events live in one collection keyed by (dataset, eventId);
 * a per-dataset counter orders arrivals and labels; labels for unknown events wait in their own
 * collection. Writes use majority + journal, so a resolved append is durable. A write that fails
 * for want of a reachable, healthy server (mongo-write-failures.ts) rejects with
 * StoreUnavailableError, answered 503 with Retry-After; a retry is safe, as re-sent events are
 * stored once.
 */
import { MongoClient } from 'mongodb';
import type { Collection, Db } from 'mongodb';
import { createIndexes, insertIgnoringDuplicates, toStored } from './mongo-documents.js';
import type { EventDoc, PendingDoc } from './mongo-documents.js';
import { storeWriteError } from './mongo-write-failures.js';
import type { AlertRecord, AppendResult, EventRecord, LabelRecord, LabelResult } from './store.js';
import type { RetentionPolicy, Store, StoredEvent } from './store.js';

export class MongoStore implements Store {
  private constructor(
    private readonly db: Db,
    private readonly closeClient: () => Promise<void>,
    private readonly now: () => number,
  ) {}

  /** A store over an open database whose client the caller owns (`close` closes nothing). */
  static overDatabase(db: Db, now = Date.now): MongoStore {
    return new MongoStore(db, async () => undefined, now);
  }

  private get events(): Collection<EventDoc> {
    return this.db.collection<EventDoc>('events');
  }

  private get pending(): Collection<PendingDoc> {
    return this.db.collection<PendingDoc>('pending_labels');
  }

  static async open(uri: string, retention: RetentionPolicy, now = Date.now): Promise<MongoStore> {
    const client = await MongoClient.connect(uri, {
      writeConcern: { w: 'majority', journal: true },
      ignoreUndefined: true,
    });
    const store = new MongoStore(client.db(), () => client.close(), now);
    await createIndexes(client.db(), Math.ceil(retention.maxAgeMs / 1000));
    return store;
  }

  appendEvents(dataset: string, events: readonly EventRecord[]): Promise<AppendResult> {
    return this.append(dataset, events).catch(rethrowAsStoreError);
  }

  private async append(dataset: string, events: readonly EventRecord[]): Promise<AppendResult> {
    if (events.length === 0) return { stored: [], duplicates: 0, lateLabels: 0 };
    const first = await this.reserve(dataset, events.length);
    const waiting = await this.pending
      .find({ dataset, eventId: { $in: events.map((e) => e.eventId) } })
      .toArray();
    const labels = new Map(waiting.map((w) => [w.eventId, w.label]));
    const receivedAt = new Date(this.now());
    const docs: EventDoc[] = events.map((event, i) => {
      const label = event.label ?? labels.get(event.eventId);
      const doc: EventDoc = { ...event, dataset, seq: first + i, receivedAt };
      return label === undefined ? doc : { ...doc, label, labelSeq: first + i };
    });
    const failed = await insertIgnoringDuplicates(this.events, docs);
    const storedDocs = docs.filter((_, i) => !failed.has(i));
    const late = storedDocs.filter((d) => d.label !== undefined && labels.has(d.eventId));
    if (late.length > 0) {
      await this.pending.deleteMany({ dataset, eventId: { $in: late.map((d) => d.eventId) } });
    }
    const stored = storedDocs.map(toStored);
    return { stored, duplicates: events.length - stored.length, lateLabels: late.length };
  }

  applyLabels(dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult> {
    return this.label(dataset, labels).catch(rethrowAsStoreError);
  }

  private async label(dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult> {
    const first = await this.reserve(dataset, labels.length);
    const matched: string[] = [];
    for (const [i, { eventId, label }] of labels.entries()) {
      const set = { label, labelSeq: first + i };
      const updated = await this.events.updateOne({ dataset, eventId }, { $set: set });
      if (updated.matchedCount > 0) {
        matched.push(eventId);
        continue;
      }
      const receivedAt = new Date(this.now());
      await this.pending.updateOne(
        { dataset, eventId },
        { $set: { label, receivedAt } },
        { upsert: true },
      );
      // The event may have been inserted between the two writes; then the label joins it now.
      const late = await this.events.updateOne({ dataset, eventId }, { $set: set });
      if (late.matchedCount > 0) {
        await this.pending.deleteOne({ dataset, eventId });
        matched.push(eventId);
      }
    }
    return { matched, unmatched: labels.length - matched.length };
  }

  async recentEvents(dataset: string, limit: number): Promise<StoredEvent[]> {
    const docs = await this.events.find({ dataset }).sort({ seq: -1 }).limit(limit).toArray();
    return docs.reverse().map(toStored);
  }

  async recentLabelledEvents(dataset: string, limit: number): Promise<StoredEvent[]> {
    const docs = await this.events
      .find({ dataset, labelSeq: { $exists: true } })
      .sort({ labelSeq: -1 })
      .limit(limit)
      .toArray();
    return docs.reverse().map(toStored);
  }

  async findEvents(dataset: string, eventIds: readonly string[]): Promise<StoredEvent[]> {
    const docs = await this.events.find({ dataset, eventId: { $in: [...eventIds] } }).toArray();
    const byId = new Map(docs.map((d) => [d.eventId, toStored(d)]));
    return eventIds.flatMap((id) => byId.get(id) ?? []);
  }

  async recordAlerts(alerts: readonly AlertRecord[]): Promise<void> {
    if (alerts.length === 0) return;
    const docs = alerts.map((a) => ({ ...a, receivedAt: new Date(a.receivedAtMs) }));
    await this.db.collection('alerts').insertMany(docs).catch(rethrowAsStoreError);
  }

  async recentAlerts(limit: number): Promise<AlertRecord[]> {
    const docs = await this.db
      .collection('alerts')
      .find({}, { projection: { _id: 0, receivedAt: 0 } })
      .sort({ receivedAtMs: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.reverse() as unknown as AlertRecord[];
  }

  close(): Promise<void> {
    return this.closeClient();
  }

  /** Reserves `count` consecutive sequence numbers for a dataset; returns the first. */
  private async reserve(dataset: string, count: number): Promise<number> {
    const counter = await this.db
      .collection<{ _id: string; seq: number }>('counters')
      .findOneAndUpdate(
        { _id: dataset },
        { $inc: { seq: count } },
        { upsert: true, returnDocument: 'after' },
      );
    return (counter?.seq ?? count) - count + 1;
  }
}

function rethrowAsStoreError(error: unknown): never {
  throw storeWriteError(error);
}
