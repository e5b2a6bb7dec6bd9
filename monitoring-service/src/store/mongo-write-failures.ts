/**
 * Which MongoDB failures mean "the store cannot write right now": the network, a timeout, no
 * server to write to, a closed client, a write concern the servers did not satisfy, or a server
 * error the driver labels retryable (a stepdown, a shutdown). They become StoreUnavailableError,
 * which the service answers as it answers the embedded store on a full disk: 503 with
 * Retry-After. Anything else (a document the server refuses, a bug) passes through unchanged;
 * duplicate keys are handled where events are inserted and never get here.
 */
import {
  MongoBulkWriteError,
  MongoClientClosedError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { StoreUnavailableError } from './store.js';

const UNAVAILABLE = [
  MongoNetworkError,
  MongoServerSelectionError,
  MongoOperationTimeoutError,
  MongoWriteConcernError,
  MongoNotConnectedError,
  MongoTopologyClosedError,
  MongoClientClosedError,
] as const;

/** True for a bulk insert whose documents went in but whose write concern was not met. */
export function hasWriteConcernError(error: MongoBulkWriteError): boolean {
  return error.result?.getWriteConcernError?.() !== undefined;
}

export function isWriteUnavailable(error: unknown): boolean {
  if (!(error instanceof MongoError)) return false;
  if (UNAVAILABLE.some((type) => error instanceof type)) return true;
  if (error.hasErrorLabel('RetryableWriteError')) return true;
  return error instanceof MongoBulkWriteError && hasWriteConcernError(error);
}

/** `error` as the store reports it: StoreUnavailableError for a failure worth retrying later. */
export function storeWriteError(error: unknown): unknown {
  return isWriteUnavailable(error) ? new StoreUnavailableError({ cause: error }) : error;
}
