/**
 * The service's environment, parsed and validated once at start, then frozen. A bad value stops
 * the service with a message naming the variable.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RetentionPolicy } from './store/store.js';

const DEFAULT_DATASETS = fileURLToPath(new URL('../config/datasets.yaml', import.meta.url));

/** Unset and empty mean the same: the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string()),
  DATA_DIR: optional(z.string()),
  AUTH_TOKEN: optional(z.string()),
  MONGODB_URI: optional(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI')),
  DATASETS_CONFIG: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  MAX_BODY_BYTES: optional(z.coerce.number().int().min(1024)),
  MAX_BATCH_EVENTS: optional(z.coerce.number().int().min(1)),
  RETENTION_HOURS: optional(z.coerce.number().positive()),
  RETENTION_MAX_EVENTS: optional(z.coerce.number().int().min(1)),
  SHUTDOWN_TIMEOUT_MS: optional(z.coerce.number().int().min(0)),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  authToken: string | undefined;
  mongodbUri: string | undefined;
  datasetsConfig: string;
  logLevel: string;
  maxBodyBytes: number;
  maxBatchEvents: number;
  retention: RetentionPolicy;
  shutdownTimeoutMs: number;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(`environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT ?? 8085,
    host: e.HOST ?? '0.0.0.0',
    dataDir: e.DATA_DIR ?? '.data/monitoring',
    authToken: e.AUTH_TOKEN,
    mongodbUri: e.MONGODB_URI,
    datasetsConfig: e.DATASETS_CONFIG ?? DEFAULT_DATASETS,
    logLevel: e.LOG_LEVEL ?? 'info',
    maxBodyBytes: e.MAX_BODY_BYTES ?? 16 * 1024 * 1024,
    maxBatchEvents: e.MAX_BATCH_EVENTS ?? 5000,
    retention: Object.freeze({
      maxAgeMs: (e.RETENTION_HOURS ?? 168) * 3600_000,
      maxEventsPerDataset: e.RETENTION_MAX_EVENTS ?? 200_000,
    }),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? 10_000,
  };
  return Object.freeze(config);
}
