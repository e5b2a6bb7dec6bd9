import { availableParallelism } from 'node:os';
import { EnvReader } from '@driftwatch/core/config/env-reader';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Bearer token for /predict and for sends to monitoring; undefined leaves both open. */
  readonly authToken: string | undefined;
  readonly monitoringUrl: string;
  readonly dataset: string;
  /** Path of the model card JSON; the ONNX file is named inside it. */
  readonly modelPath: string;
  readonly windowLengthSamples: number;
  /** onnxruntime intra-op threads per inference call. */
  readonly inferenceThreads: number;
  /** Worker threads that parse, check and featurize bodies; 0 does it on the event loop. */
  readonly featurizeWorkers: number;
  readonly maxBatchWindows: number;
  readonly maxBodyBytes: number;
  readonly forward: Readonly<{
    batchEvents: number;
    lingerMs: number;
    timeoutMs: number;
    maxInFlight: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
  }>;
  readonly outboxMaxEvents: number;
  readonly outboxSegmentBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
}

/**
 * Reads and checks the environment once; the result is frozen. An empty variable counts as unset.
 * Throws EnvError naming every bad variable.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const r = new EnvReader(env);
  const positive = (name: string, fallback: number) => r.integer(name, fallback, { min: 1 });
  const nonNegative = (name: string, fallback: number) => r.integer(name, fallback, { min: 0 });
  const config: Config = {
    port: r.port('PORT', 9696),
    host: r.string('HOST', '0.0.0.0'),
    dataDir: r.string('DATA_DIR', 'data/prediction-service'),
    authToken: r.optional('AUTH_TOKEN'),
    monitoringUrl: r.httpUrl('MONITORING_URL', 'http://localhost:8085').replace(/\/+$/, ''),
    dataset:
      r.matching('MONITORING_DATASET', /^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only') ??
      'exercise_group',
    modelPath: r.string('MODEL_PATH', 'reference-data/model/model-card.json'),
    windowLengthSamples: r.integer('WINDOW_LENGTH', 151, { min: 16, max: 100_000 }),
    inferenceThreads: positive('INFERENCE_THREADS', 1),
    // One worker per core (up to 4): at full batch load the event loop (HTTP, inference, outbox)
    // needs about a third of a core, and one worker alone saturated at ~90 % of the batch goal on
    // 2 cores. Two gave 10 000-10 500 windows/s against 9 500-10 100 with no worse paced p99.
    featurizeWorkers: nonNegative('FEATURIZE_WORKERS', Math.min(4, availableParallelism())),
    maxBatchWindows: positive('MAX_BATCH_WINDOWS', 256),
    maxBodyBytes: positive('MAX_BODY_BYTES', 16 * 1024 * 1024),
    forward: Object.freeze({
      batchEvents: positive('FORWARD_BATCH_EVENTS', 500),
      lingerMs: nonNegative('FORWARD_LINGER_MS', 50),
      timeoutMs: positive('FORWARD_TIMEOUT_MS', 10_000),
      maxInFlight: positive('FORWARD_MAX_IN_FLIGHT', 2),
      backoffBaseMs: positive('FORWARD_BACKOFF_BASE_MS', 200),
      backoffMaxMs: positive('FORWARD_BACKOFF_MAX_MS', 30_000),
    }),
    outboxMaxEvents: positive('OUTBOX_MAX_EVENTS', 100_000),
    outboxSegmentBytes: positive('OUTBOX_SEGMENT_BYTES', 16 * 1024 * 1024),
    shutdownTimeoutMs: nonNegative('SHUTDOWN_TIMEOUT_MS', 10_000),
    logLevel: r.choice('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  r.finish('invalid prediction-service environment');
  return Object.freeze(config);
}
