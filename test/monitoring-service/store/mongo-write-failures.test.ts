import express from 'express';
import {
  type Db,
  MongoBulkWriteError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoWriteConcernError,
} from 'mongodb';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  errorMiddleware,
  STORE_RETRY_AFTER_SECONDS,
} from '../../../monitoring-service/src/http/errors.js';
import { MongoStore } from '../../../monitoring-service/src/store/mongo-store.js';
import { StoreUnavailableError } from '../../../monitoring-service/src/store/store.js';
import type { EventRecord } from '../../../monitoring-service/src/store/store.js';

const event = (eventId: string): EventRecord => ({
  eventId,
  timestamp: '2024-05-01T12:00:00.000Z',
  features: { f1: 0.5 },
  prediction: 'walk',
});

/**
 * A database whose counters and reads answer, and whose writes (insertMany, updateOne) fail with
 * `failure`; `inserted` records what the fake insertMany was given.
 */
function failingDb(failure: Error) {
  const inserted: unknown[] = [];
  let seq = 0;
  const collection = () => ({
    findOneAndUpdate: async (_filter: unknown, update: { $inc: { seq: number } }) => {
      seq += update.$inc.seq;
      return { _id: 'toy', seq };
    },
    find: () => ({ toArray: async () => [] }),
    insertMany: async (docs: unknown[]) => {
      inserted.push(...docs);
      throw failure;
    },
    updateOne: async () => {
      throw failure;
    },
    deleteMany: async () => ({ deletedCount: 0 }),
  });
  return { db: { collection } as unknown as Db, inserted };
}

function bulkError(writeErrors: { code: number; index: number }[], writeConcern?: object) {
  const result = { getWriteConcernError: () => writeConcern };
  const error = { message: 'bulk write failed', code: writeErrors[0]?.code, writeErrors };
  return new MongoBulkWriteError(error as never, result as never);
}

function labelled(label: string) {
  const error = new MongoServerError({ errmsg: 'not primary', code: 10107 });
  error.addErrorLabel(label);
  return error;
}

const writeConcern = () =>
  new MongoWriteConcernError({
    writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
  } as never);

describe('MongoStore write failures', () => {
  it.each([
    ['a network error', () => new MongoNetworkError('connection 4 to 10.0.0.7:27017 closed')],
    ['a network timeout', () => new MongoNetworkTimeoutError('connection timed out')],
    ['an unmet write concern', writeConcern],
    ['an unmet write concern inside a bulk insert', () => bulkError([], { code: 64 })],
    [
      'duplicates together with an unmet write concern',
      () => bulkError([{ code: 11000, index: 0 }], { code: 64 }),
    ],
    ['a server error labelled retryable', () => labelled('RetryableWriteError')],
  ])('rejects writes with StoreUnavailableError on %s', async (_name, make) => {
    const failure = make();
    const store = MongoStore.overDatabase(failingDb(failure).db);
    const append = store.appendEvents('toy', [event('e1'), event('e2')]);
    await expect(append).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(append).rejects.toMatchObject({ cause: failure });
    const labels = store.applyLabels('toy', [{ eventId: 'e1', label: 'walk' }]);
    await expect(labels).rejects.toBeInstanceOf(StoreUnavailableError);
    const alert = { alertname: 'X', status: 'firing' as const, labels: {}, annotations: {} };
    await expect(
      store.recordAlerts([{ ...alert, receivedAtMs: 0 } as never]),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('passes other failures on unchanged', async () => {
    const refused = new MongoServerError({ errmsg: 'Document failed validation', code: 121 });
    const store = MongoStore.overDatabase(failingDb(refused).db);
    await expect(store.appendEvents('toy', [event('e1')])).rejects.toBe(refused);
    const invalid = bulkError([{ code: 121, index: 0 }]);
    const other = MongoStore.overDatabase(failingDb(invalid).db);
    await expect(other.appendEvents('toy', [event('e1')])).rejects.toBe(invalid);
  });

  it('still counts duplicate keys as duplicates', async () => {
    const store = MongoStore.overDatabase(failingDb(bulkError([{ code: 11000, index: 1 }])).db);
    const result = await store.appendEvents('toy', [event('e1'), event('e1b')]);
    expect(result.stored.map((e) => e.eventId)).toEqual(['e1']);
    expect(result.duplicates).toBe(1);
  });

  it('answers the HTTP client 503 with Retry-After, as on a full disk', async () => {
    const store = MongoStore.overDatabase(failingDb(new MongoNetworkError('reset')).db);
    const app = express();
    app.post('/events', async () => {
      await store.appendEvents('toy', [event('e1')]);
    });
    app.use(errorMiddleware(() => undefined));
    const res = await request(app).post('/events');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe(String(STORE_RETRY_AFTER_SECONDS));
    expect(res.body.error.code).toBe('store_unavailable');
  });
});
