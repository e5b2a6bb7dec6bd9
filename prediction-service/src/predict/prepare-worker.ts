/**
 * Worker thread of the preparer pool (started through prepare-worker-entry.mjs): says ready,
 * then prepares each body it is sent and posts back the batch (features and summaries
 * transferred, not copied) or the error, keyed by the job id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from '@driftwatch/core/http/http-error';
import type { ErrorCode } from '../errors/api-error.js';
import type { PredictBodyLimits } from './parse-predict-body.js';
import { createBatchPreparer, type PreparedBatch } from './prepare-batch.js';
import type { JobReply, JobRequest } from './prepare-pool.js';

const prepare = createBatchPreparer(workerData as PredictBodyLimits);
const port = parentPort!;
port.postMessage('ready');

port.on('message', ({ id, body }: JobRequest) => {
  let batch: PreparedBatch;
  try {
    batch = prepare(body);
  } catch (error) {
    port.postMessage({ id, error: describe(error) } satisfies JobReply);
    return;
  }
  port.postMessage({ id, batch } satisfies JobReply, [
    batch.features.buffer as ArrayBuffer,
    batch.summaries.buffer as ArrayBuffer,
  ]);
});

/** An error as the pool rebuilds it: the HttpError's code, message and options, or the message. */
function describe(error: unknown): Extract<JobReply, { error: unknown }>['error'] {
  if (error instanceof HttpError) {
    const { field, retryAfterSeconds, context } = error;
    const options = { field, retryAfterSeconds, context };
    return { code: error.code as ErrorCode, message: error.message, options };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
