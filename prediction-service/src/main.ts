/**
 * The prediction service's composition root: reads the environment, loads the model, opens the
 * outbox, starts forwarding and listens. Exits non-zero with a message when it cannot serve.
 */
import { createServer, type Server } from 'node:http';
import { capConnections, serverOptions } from '@driftwatch/core/http/server-limits';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { EnvError } from '@driftwatch/core/config/env-error';
import { type Config, loadConfig } from './config.js';
import { DEFAULT_SAMPLE_RATE_HZ, FEATURE_NAMES } from '@driftwatch/core/features/index';
import type { Forwarder } from './forward/forwarder.js';
import type { Outbox } from './forward/outbox.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics/metrics.js';
import { type LoadedModel, loadModel, ModelLoadError } from './model/load-model.js';
import { wireService } from './wire-service.js';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
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

const { listener, outbox, forwarder, preparer } = await wireService({
  config,
  model,
  logger,
  registry,
  metrics,
  isReady: () => ready,
});

// Deadlines and the connection cap: core/src/http/server-limits.ts.
const server = capConnections(createServer(serverOptions(), listener));
const onListenError = (error: Error) => {
  logger.fatal({ err: error }, 'cannot listen');
  process.exit(1);
};
server.once('error', onListenError);
server.listen(config.port, config.host, () => {
  server.off('error', onListenError);
  ready = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, monitoringUrl: config.monitoringUrl }, 'prediction-service listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  ready = false;
  logger.info({ signal, outboxEvents: outbox.size }, 'shutting down');
  const deadline = Date.now() + config.shutdownTimeoutMs;
  await closeServer(server, config.shutdownTimeoutMs);
  await preparer.close();
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
