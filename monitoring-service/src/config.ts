/**
 * The service's environment, parsed and validated once at start, then frozen. A bad value stops
 * the service with a message naming the variable.
 */
import { fileURLToPath } from 'node:url';
import { EnvReader } from '@driftwatch/core/config/env-reader';
import type { RetentionPolicy } from './store/store.js';

const DEFAULT_DATASETS = fileURLToPath(new URL('../config/datasets.yaml', import.meta.url));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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

/** Throws EnvError naming every bad variable; an empty variable counts as unset. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Readonly<Config> {
  const r = new EnvReader(env);
  const config: Config = {
    port: r.port('PORT', 8085),
    host: r.string('HOST', '0.0.0.0'),
    dataDir: r.string('DATA_DIR', '.data/monitoring'),
    authToken: r.optional('AUTH_TOKEN'),
    mongodbUri: r.matching('MONGODB_URI', /^mongodb(\+srv)?:\/\//, 'a mongodb:// URI'),
    datasetsConfig: r.string('DATASETS_CONFIG', DEFAULT_DATASETS),
    logLevel: r.choice('LOG_LEVEL', LOG_LEVELS, 'info'),
    maxBodyBytes: r.integer('MAX_BODY_BYTES', 16 * 1024 * 1024, { min: 1024 }),
    maxBatchEvents: r.integer('MAX_BATCH_EVENTS', 5000, { min: 1 }),
    retention: Object.freeze({
      maxAgeMs: r.number('RETENTION_HOURS', 168, 0) * 3600_000,
      maxEventsPerDataset: r.integer('RETENTION_MAX_EVENTS', 200_000, { min: 1 }),
    }),
    shutdownTimeoutMs: r.integer('SHUTDOWN_TIMEOUT_MS', 10_000, { min: 0 }),
  };
  r.finish('invalid monitoring-service environment');
  return Object.freeze(config);
}
