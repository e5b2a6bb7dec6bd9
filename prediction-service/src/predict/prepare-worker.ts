/**
 * Worker thread of the preparer pool (started through prepare-worker-entry.mjs): says ready,
 * then prepares each body it is sent and posts back the batch (features transferred, not
 * copied) or the error, keyed by the job id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../http/api-error.js';
import type { PredictBodyLimits } from '../http/parse-predict-body.js';
import { createBatchPreparer } from './prepare-batch.js';
import type { JobReply, JobRequest } from './prepare-pool.js';

const prepare = createBatchPreparer(workerData as PredictBodyLimits);
const port = parentPort!;
port.postMessage('ready');

port.on('message', ({ id, body }: JobRequest) => {
  let reply: JobReply;
  try {
    const batch = prepare(body);
    port.postMessage({ id, batch } satisfies JobReply, [batch.features.buffer as ArrayBuffer]);
    return;
  } catch (error) {
    reply =
      error instanceof ApiError
        ? { id, error: { code: error.code, message: error.message, details: error.details } }
        : { id, error: { message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(reply);
});
