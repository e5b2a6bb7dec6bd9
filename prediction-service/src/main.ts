/**
 * The prediction service's composition root: reads the environment, loads the model, opens the
 * outbox, starts forwarding and listens. Exits non-zero with a message when it cannot serve.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createFeaturizer, DEFAULT_SAMPLE_RATE_HZ, FEATURE_NAMES } from './features/index.js';
import { createDeadLetterFile } from './forward/dead-letter.js';
import { createForwarder, type Forwarder } from './forward/forwarder.js';
import { createMonitoringClient } from './forward/monitoring-client.js';
import { type Outbox, openOutbox } from './forward/outbox.js';
import { createPredictBodyParser } from './http/parse-predict-body.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { type LoadedModel, loadModel, ModelLoadError } from './model/load-model.js';
import { createPredictor } from './predict/predictor.js';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const registry = new Registry();
registry.setDefaultLabels({ dataset: config.dataset });
collectDefaultMetrics({ register: registry });
const metrics = createMetrics(registry);
let ready = false;

async function loadModelOrExit(): Promise<LoadedModel> {
  try {
    return await loadModel(
      config.modelPath,
      {
        featureNames: FEATURE_NAMES,
        windowLengthSamples: config.windowLengthSamples,
        sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
      },
      { intraOpThreads: config.inferenceThreads },
    );
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    logger.fatal({ modelPath: config.modelPath }, `refusing to start: ${error.message}`);
    process.exit(1);
  }
}

const model = await loadModelOrExit();
const { card } = model.classifier;
metrics.modelInfo.set({ model_version: card.modelVersion }, 1);
logger.info(
  { modelVersion: card.modelVersion, classes: card.classLabels.length },
  'model loaded and checked against its card',
);

const outbox = await openOutbox({
  dir: join(config.dataDir, 'outbox'),
  maxEvents: config.outboxMaxEvents,
  segmentBytes: config.outboxSegmentBytes,
  logger,
  onSizeChange: (size) => metrics.forwardQueue.set(size),
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

const app = createApp({
  parseBody: createPredictBodyParser({
    windowLengthSamples: config.windowLengthSamples,
    sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
    maxBatchWindows: config.maxBatchWindows,
  }),
  predict: createPredictor({
    featurizer: createFeaturizer(),
    model,
    observeStage: (stage, seconds) => metrics.stageDuration.observe({ stage }, seconds),
  }),
  storeEvents: (events) => outbox.append(events),
  metrics,
  registry,
  logger,
  isReady: () => ready,
  authToken: config.authToken,
  maxBodyBytes: config.maxBodyBytes,
});

const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error) {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  }
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, monitoringUrl: config.monitoringUrl }, 'prediction-service listening');
});

// Clients and proxies keep connections open longer than Node's 5 s default; closing first
// would race their next request on the same socket.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  ready = false;
  logger.info({ signal, outboxEvents: outbox.size }, 'shutting down');
  const deadline = Date.now() + config.shutdownTimeoutMs;
  await closeServer(server, config.shutdownTimeoutMs);
  await flushOutbox(forwarder, outbox, Math.max(0, deadline - Date.now()));
  await model.classifier.release();
  process.exit(0);
}

async function closeServer(httpServer: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  const timeout = setTimeout(() => httpServer.closeAllConnections(), timeoutMs);
  await closed;
  clearTimeout(timeout);
}

async function flushOutbox(fwd: Forwarder, box: Outbox, timeoutMs: number): Promise<void> {
  const drained = await fwd.drain(timeoutMs);
  fwd.stop();
  await box.close();
  logger.info(
    { drained, outboxEvents: box.size },
    drained ? 'outbox flushed' : 'outbox kept for the next start',
  );
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void shutdown(signal));
}
