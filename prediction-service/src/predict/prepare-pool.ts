import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { HttpErrorOptions } from '@driftwatch/core/http/http-error';
import { apiError, type ErrorCode } from '../errors/api-error.js';
import type { PredictBodyLimits } from './parse-predict-body.js';
import { createBatchPreparer, type PreparedBatch } from './prepare-batch.js';
import { runsFromSource, SOURCE_CONDITION } from '@driftwatch/core/runtime/module-entry';

/** Prepares /predict bodies (parse, check, featurize), on the event loop or in worker threads. */
export interface BatchPreparer {
  prepare(body: Buffer): Promise<PreparedBatch>;
  close(): Promise<void>;
}

export interface JobRequest {
  id: number;
  body: Uint8Array;
}

export type JobReply =
  | { id: number; batch: PreparedBatch }
  | { id: number; error: { code?: ErrorCode; message: string; options?: HttpErrorOptions } };

/** Prepares on the calling thread: for tests and FEATURIZE_WORKERS=0. */
export function inlinePreparer(limits: PredictBodyLimits): BatchPreparer {
  const prepare = createBatchPreparer(limits);
  return {
    prepare: async (body) => prepare(body),
    close: async () => undefined,
  };
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (batch: PreparedBatch) => void; reject: (e: Error) => void }>;
}

/**
 * Starts `size` worker threads, each running prepare-worker.ts, and resolves once all of them
 * are ready (rejects if one cannot start). A body goes to the worker with the fewest jobs
 * waiting. The event loop then only does HTTP, inference and the outbox, so a burst of requests
 * holds up the others' next steps less. A worker that dies fails its jobs (500) and is replaced.
 */
/**
 * From the build the worker is plain JS; from the sources, an entry that loads tsx first, with
 * the packages resolved to their sources.
 */
const FROM_SOURCE = runsFromSource(import.meta.url);
const WORKER_ENTRY = new URL(
  FROM_SOURCE ? './prepare-worker-entry.mjs' : './prepare-worker.js',
  import.meta.url,
);
const WORKER_EXEC_ARGV = FROM_SOURCE ? [SOURCE_CONDITION] : undefined;

export async function startPreparerPool(
  limits: PredictBodyLimits,
  size: number,
  logger: Logger,
): Promise<BatchPreparer & { threads(): readonly Worker[] }> {
  let nextId = 0;
  let closing = false;
  const workers: PoolWorker[] = [];

  function spawnWorker(): Promise<PoolWorker> {
    const worker = new Worker(WORKER_ENTRY, {
      workerData: limits,
      execArgv: WORKER_EXEC_ARGV,
    });
    const entry: PoolWorker = { worker, pending: new Map() };
    return new Promise((resolve, reject) => {
      worker.once('message', () => {
        worker.on('message', (reply: JobReply) => settle(entry, reply));
        resolve(entry);
      });
      worker.on('error', (error) => {
        logger.error({ err: error }, 'featurize worker failed');
        reject(error);
      });
      worker.on('exit', (code) => {
        for (const job of entry.pending.values()) {
          job.reject(new Error(`featurize worker exited (${code}) during the request`));
        }
        entry.pending.clear();
        const slot = workers.indexOf(entry);
        if (slot < 0 || closing) return;
        workers.splice(slot, 1);
        logger.warn({ code }, 'featurize worker exited; starting another');
        spawnWorker().then(
          (replacement) => workers.push(replacement),
          () => logger.error('featurize worker could not be replaced'),
        );
      });
    });
  }

  function settle(entry: PoolWorker, reply: JobReply): void {
    const job = entry.pending.get(reply.id);
    if (!job) return;
    entry.pending.delete(reply.id);
    if ('batch' in reply) job.resolve(reply.batch);
    else if (reply.error.code) {
      job.reject(apiError(reply.error.code, reply.error.message, reply.error.options));
    } else job.reject(new Error(reply.error.message));
  }

  workers.push(...(await Promise.all(Array.from({ length: size }, spawnWorker))));
  // Only while every worker has died and none has been replaced yet.
  const inline = inlinePreparer(limits);

  return {
    async prepare(body) {
      if (workers.length === 0) return inline.prepare(body);
      const entry = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      // A body with a buffer of its own is handed over; a view into a shared one is copied.
      const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      const message: JobRequest = { id, body: whole ? body : new Uint8Array(body) };
      return new Promise((resolve, reject) => {
        entry.pending.set(id, { resolve, reject });
        entry.worker.postMessage(message, [message.body.buffer as ArrayBuffer]);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
    /** The live worker threads (for tests and diagnostics). */
    threads: () => workers.map((w) => w.worker),
  };
}
