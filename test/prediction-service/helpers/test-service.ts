/** The prediction service wired in-process as main.ts wires it, on temp dirs, for app tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createApp } from '../../../prediction-service/src/app.js';
import {
  createFeaturizer,
  DEFAULT_SAMPLE_RATE_HZ,
  FEATURE_NAMES,
} from '../../../prediction-service/src/features/index.js';
import { createDeadLetterFile } from '../../../prediction-service/src/forward/dead-letter.js';
import {
  createForwarder,
  type Forwarder,
} from '../../../prediction-service/src/forward/forwarder.js';
import { createMonitoringClient } from '../../../prediction-service/src/forward/monitoring-client.js';
import { type Outbox, openOutbox } from '../../../prediction-service/src/forward/outbox.js';
import { createPredictBodyParser } from '../../../prediction-service/src/http/parse-predict-body.js';
import { createMetrics } from '../../../prediction-service/src/metrics.js';
import { type LoadedModel, loadModel } from '../../../prediction-service/src/model/load-model.js';
import { createPredictor } from '../../../prediction-service/src/predict/predictor.js';
import { writeTestModel } from './test-model.js';

export interface TestServiceOptions {
  monitoringUrl: string;
  authToken?: string;
  outboxMaxEvents?: number;
  maxBatchWindows?: number;
  maxBodyBytes?: number;
}

export interface TestService {
  app: Express;
  outbox: Outbox;
  forwarder: Forwarder;
  registry: Registry;
  dataDir: string;
  close(): Promise<void>;
}

let model: Promise<LoadedModel> | undefined;

/** One small model per test file: training and loading it is the slow part. */
export function testModel(): Promise<LoadedModel> {
  model ??= loadModel(writeTestModel().cardPath, {
    featureNames: FEATURE_NAMES,
    windowLengthSamples: 151,
    sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
  });
  return model;
}

export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prediction-data-'));
  const logger = pino({ level: 'silent' });
  const registry = new Registry();
  registry.setDefaultLabels({ dataset: 'exercise_group' });
  const metrics = createMetrics(registry);
  const outbox = await openOutbox({
    dir: join(dataDir, 'outbox'),
    maxEvents: options.outboxMaxEvents ?? 10_000,
    segmentBytes: 1 << 20,
    logger,
    onSizeChange: (size) => metrics.forwardQueue.set(size),
  });
  const forwarder = createForwarder({
    outbox,
    send: createMonitoringClient({
      monitoringUrl: options.monitoringUrl,
      dataset: 'exercise_group',
      authToken: options.authToken,
      timeoutMs: 2000,
    }),
    deadLetter: createDeadLetterFile(join(dataDir, 'dead-letter.jsonl')),
    batchEvents: 50,
    lingerMs: 5,
    maxInFlight: 2,
    backoff: { baseMs: 20, maxMs: 200 },
    logger,
    onOutcome: (outcome, events) => metrics.forwardEvents.inc({ outcome }, events),
  });
  forwarder.start();
  const app = createApp({
    parseBody: createPredictBodyParser({
      windowLengthSamples: 151,
      sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
      maxBatchWindows: options.maxBatchWindows ?? 64,
    }),
    predict: createPredictor({
      featurizer: createFeaturizer(),
      model: await testModel(),
      observeStage: (stage, seconds) => metrics.stageDuration.observe({ stage }, seconds),
    }),
    storeEvents: (events) => outbox.append(events),
    metrics,
    registry,
    logger,
    isReady: () => true,
    authToken: options.authToken,
    maxBodyBytes: options.maxBodyBytes ?? 4 << 20,
  });
  return {
    app,
    outbox,
    forwarder,
    registry,
    dataDir,
    async close() {
      forwarder.stop();
      await outbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
