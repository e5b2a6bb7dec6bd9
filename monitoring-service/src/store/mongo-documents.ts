/**
 * MongoDB documents of the monitoring store, their indexes (unique eventId per dataset, arrival
 * and label order, timestamp, TTL retention) and duplicate-tolerant inserts.
 */
import { MongoBulkWriteError } from 'mongodb';
import type { Collection, Db } from 'mongodb';
import { hasWriteConcernError } from './mongo-write-failures.js';
import type { EventRecord, StoredEvent } from './store.js';

export interface EventDoc extends EventRecord {
  dataset: string;
  seq: number;
  receivedAt: Date;
  labelSeq?: number;
}

export interface PendingDoc {
  dataset: string;
  eventId: string;
  label: string;
  receivedAt: Date;
}

const DUPLICATE_KEY = 11000;

export function toStored({
  dataset,
  seq,
  receivedAt,
  labelSeq,
  _id,
  ...event
}: EventDoc & { _id?: unknown }): StoredEvent {
  return { ...event, receivedAtMs: receivedAt.getTime() };
}

export async function createIndexes(db: Db, expireAfterSeconds: number): Promise<void> {
  await db
    .collection('events')
    .createIndexes([
      { key: { dataset: 1, eventId: 1 }, unique: true },
      { key: { dataset: 1, seq: 1 } },
      { key: { dataset: 1, labelSeq: 1 }, sparse: true },
      { key: { dataset: 1, timestamp: 1 } },
      { key: { receivedAt: 1 }, expireAfterSeconds },
    ]);
  await db.collection('pending_labels').createIndexes([
    { key: { dataset: 1, eventId: 1 }, unique: true },
    { key: { receivedAt: 1 }, expireAfterSeconds },
  ]);
  await db.collection('alerts').createIndex({ receivedAt: 1 }, { expireAfterSeconds });
}

/**
 * Inserts all docs; returns the indexes rejected as duplicate keys. Any other write error, or a
 * write concern the servers did not satisfy, throws: those documents are not known durable.
 */
export async function insertIgnoringDuplicates(
  events: Collection<EventDoc>,
  docs: EventDoc[],
): Promise<Set<number>> {
  try {
    await events.insertMany(docs, { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || hasWriteConcernError(error)) throw error;
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
    return new Set(errors.map((e) => e.index));
  }
}
