/** The prediction service wired in-process by main.ts's own wiring, on temp dirs, for app tests. */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { loadConfig } from '../../../prediction-service/src/config.js';
import { DEFAULT_SAMPLE_RATE_HZ, FEATURE_NAMES } from '../../../core/src/features/index.js';
import type { Forwarder } from '../../../prediction-service/src/forward/forwarder.js';
import type { Outbox } from '../../../prediction-service/src/forward/outbox.js';
import { createMetrics } from '../../../prediction-service/src/metrics/metrics.js';
import { type LoadedModel, loadModel } from '../../../prediction-service/src/model/load-model.js';
import { wireService } from '../../../prediction-service/src/wire-service.js';
import { writeTestModel } from './test-model.js';

export interface TestServiceOptions {
  monitoringUrl: string;
  authToken?: string;
  outboxMaxEvents?: number;
  maxBatchWindows?: number;
  maxBodyBytes?: number;
  /** Worker threads for parsing and featurizing; 0 (the default) keeps it in-process. */
  featurizeWorkers?: number;
}

export interface TestService {
  /** What main.ts serves: the app, with POST /predict handed straight to its endpoint. */
  http: RequestListener;
  /** The express app alone; it serves /predict through the same endpoint. */
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
  // The service's own config, with limits and timings small enough for tests.
  const config = loadConfig({
    DATA_DIR: dataDir,
    MONITORING_URL: options.monitoringUrl,
    MONITORING_DATASET: 'exercise_group',
    AUTH_TOKEN: options.authToken,
    OUTBOX_MAX_EVENTS: String(options.outboxMaxEvents ?? 10_000),
    OUTBOX_SEGMENT_BYTES: String(1 << 20),
    FORWARD_BATCH_EVENTS: '50',
    FORWARD_LINGER_MS: '5',
    FORWARD_MAX_IN_FLIGHT: '2',
    FORWARD_BACKOFF_BASE_MS: '20',
    FORWARD_BACKOFF_MAX_MS: '200',
    FORWARD_TIMEOUT_MS: '2000',
    MAX_BATCH_WINDOWS: String(options.maxBatchWindows ?? 64),
    MAX_BODY_BYTES: String(options.maxBodyBytes ?? 4 << 20),
    FEATURIZE_WORKERS: String(options.featurizeWorkers ?? 0),
  });
  const logger = pino({ level: 'silent' });
  const registry = new Registry();
  registry.setDefaultLabels({ dataset: config.dataset });
  const metrics = createMetrics(registry);
  const { app, listener, outbox, forwarder, preparer } = await wireService({
    config,
    model: await testModel(),
    logger,
    registry,
    metrics,
    isReady: () => true,
  });
  return {
    http: listener,
    app,
    outbox,
    forwarder,
    registry,
    dataDir,
    async close() {
      forwarder.stop();
      await preparer.close();
      await outbox.close();
      await removeDataDir(dataDir);
    },
  };
}

/**
 * A batch monitoring has just answered may still write its acknowledgement after the forwarder
 * stops (under load, after the directory was listed for removal): let that write land and remove
 * the directory again.
 */
async function removeDataDir(dataDir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rm(dataDir, { recursive: true, force: true });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt === 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
