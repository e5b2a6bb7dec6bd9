import { availableParallelism } from 'node:os';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) =>
  z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(9696),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data/prediction-service'),
  AUTH_TOKEN: z.string().optional(),
  MONITORING_URL: z.url().default('http://localhost:8085'),
  MONITORING_DATASET: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
    .default('exercise_group'),
  MODEL_PATH: z.string().min(1).default('reference-data/model/model-card.json'),
  INFERENCE_THREADS: positiveInt(1),
  // One worker per core (up to 4): at full batch load the event loop (HTTP, inference, outbox)
  // needs about a third of a core, and one worker alone saturated at ~90 % of the batch goal on
  // 2 cores. Two gave 10 000-10 500 windows/s against 9 500-10 100 with no worse paced p99.
  FEATURIZE_WORKERS: nonNegativeInt(Math.min(4, availableParallelism())),
  WINDOW_LENGTH: z.coerce.number().int().min(16).max(100_000).default(151),
  MAX_BATCH_WINDOWS: positiveInt(256),
  MAX_BODY_BYTES: positiveInt(16 * 1024 * 1024),
  FORWARD_BATCH_EVENTS: positiveInt(500),
  FORWARD_LINGER_MS: nonNegativeInt(50),
  FORWARD_TIMEOUT_MS: positiveInt(10_000),
  FORWARD_MAX_IN_FLIGHT: positiveInt(2),
  FORWARD_BACKOFF_BASE_MS: positiveInt(200),
  FORWARD_BACKOFF_MAX_MS: positiveInt(30_000),
  OUTBOX_MAX_EVENTS: positiveInt(100_000),
  OUTBOX_SEGMENT_BYTES: positiveInt(16 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: nonNegativeInt(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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

/** Thrown for an unusable environment; the message names every offending variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses and validates the environment once; the result is frozen. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid prediction-service environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    authToken: e.AUTH_TOKEN === '' ? undefined : e.AUTH_TOKEN,
    monitoringUrl: e.MONITORING_URL.replace(/\/+$/, ''),
    dataset: e.MONITORING_DATASET,
    modelPath: e.MODEL_PATH,
    windowLengthSamples: e.WINDOW_LENGTH,
    inferenceThreads: e.INFERENCE_THREADS,
    featurizeWorkers: e.FEATURIZE_WORKERS,
    maxBatchWindows: e.MAX_BATCH_WINDOWS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    forward: Object.freeze({
      batchEvents: e.FORWARD_BATCH_EVENTS,
      lingerMs: e.FORWARD_LINGER_MS,
      timeoutMs: e.FORWARD_TIMEOUT_MS,
      maxInFlight: e.FORWARD_MAX_IN_FLIGHT,
      backoffBaseMs: e.FORWARD_BACKOFF_BASE_MS,
      backoffMaxMs: e.FORWARD_BACKOFF_MAX_MS,
    }),
    outboxMaxEvents: e.OUTBOX_MAX_EVENTS,
    outboxSegmentBytes: e.OUTBOX_SEGMENT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  });
}
