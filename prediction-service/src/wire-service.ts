/**
 * The prediction service's parts wired from its config: the featurize workers, the outbox on
 * disk, the forwarder that drains it to monitoring (started) and the HTTP app. main.ts serves
 * them; the app tests drive the same wiring in-process.
 */
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { type AppDeps, createApp } from './app.js';
import type { Config } from './config.js';
import { DEFAULT_SAMPLE_RATE_HZ } from '@driftwatch/core/features/index';
import { createDeadLetterFile } from './forward/dead-letter.js';
import { createForwarder, type Forwarder } from './forward/forwarder.js';
import { createMonitoringClient } from './forward/monitoring-client.js';
import { type Outbox, openOutbox } from './forward/outbox.js';
import { createPredictEndpoint, withPredictFastLane } from './http/predict-endpoint.js';
import type { Metrics } from './metrics/metrics.js';
import type { LoadedModel } from './model/load-model.js';
import { type BatchPreparer, inlinePreparer, startPreparerPool } from './predict/prepare-pool.js';
import { createPredictor } from './predict/predictor.js';

export interface ServiceDeps {
  config: Config;
  model: LoadedModel;
  logger: Logger;
  registry: Registry;
  metrics: Metrics;
  /** Whether /predict and /readyz should serve (false while starting or shutting down). */
  isReady: () => boolean;
}

export interface ServiceParts {
  app: Express;
  /** What the HTTP server serves: the app, with POST /predict handed straight to its endpoint. */
  listener: RequestListener;
  outbox: Outbox;
  forwarder: Forwarder;
  /** Featurize workers (if any); close after the HTTP server. */
  preparer: BatchPreparer;
}

/**
 * Starts the featurize workers (if configured), opens the outbox under config.dataDir (resuming
 * what it holds) and starts forwarding.
 */
export async function wireService(d: ServiceDeps): Promise<ServiceParts> {
  const { config, logger, metrics } = d;
  const limits = {
    windowLengthSamples: config.windowLengthSamples,
    sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
    maxBatchWindows: config.maxBatchWindows,
  };
  const preparer =
    config.featurizeWorkers === 0
      ? inlinePreparer(limits)
      : await startPreparerPool(limits, config.featurizeWorkers, logger);
  const outbox = await openOutbox({
    dir: join(config.dataDir, 'outbox'),
    maxEvents: config.outboxMaxEvents,
    segmentBytes: config.outboxSegmentBytes,
    logger,
    onSizeChange: (size) => metrics.forwardQueue.set(size),
    onCorruption: () => metrics.outboxCorruptRecords.inc(),
  });
  const forwarder = createForwarder({
    outbox,
    send: createMonitoringClient({
      monitoringUrl: config.monitoringUrl,
      dataset: config.dataset,
      authToken: config.authToken,
      timeoutMs: config.forward.timeoutMs,
    }),
    deadLetter: createDeadLetterFile(join(config.dataDir, 'dead-letter.jsonl')),
    batchEvents: config.forward.batchEvents,
    lingerMs: config.forward.lingerMs,
    maxInFlight: config.forward.maxInFlight,
    backoff: { baseMs: config.forward.backoffBaseMs, maxMs: config.forward.backoffMaxMs },
    logger,
    onOutcome: (outcome, events) => metrics.forwardEvents.inc({ outcome }, events),
  });
  forwarder.start();
  const appDeps: AppDeps = {
    prepare: (body) => preparer.prepare(body),
    predict: createPredictor({
      model: d.model,
      observeStage: (stage, seconds) => metrics.stageDuration.observe({ stage }, seconds),
    }),
    storeEvents: (events) => outbox.append(events),
    metrics,
    registry: d.registry,
    logger,
    isReady: d.isReady,
    authToken: config.authToken,
    maxBodyBytes: config.maxBodyBytes,
  };
  const predict = createPredictEndpoint(appDeps);
  const app = createApp(appDeps, predict);
  return { app, listener: withPredictFastLane(predict, app), outbox, forwarder, preparer };
}
