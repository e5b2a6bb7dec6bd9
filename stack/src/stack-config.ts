/** What a local stack runs with: ports, files, token and timings, all resolved before starting. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EnvReader } from '@driftwatch/core/config/env-reader';
import {
  type AlertmanagerTiming,
  DEFAULT_LOCAL_PORTS,
  type LocalPorts,
  type PrometheusTiming,
} from './local-stack-configs.js';
import { REPO_ROOT } from './repo-paths.js';

export interface PrometheusBinaries {
  readonly prometheus: string;
  readonly alertmanager: string;
}

export interface StackConfig {
  readonly ports: LocalPorts;
  /** Everything the stack writes: service data, Prometheus TSDB, rendered configs, logs. */
  readonly dataDir: string;
  /** Bearer token of the services' write routes; Alertmanager sends it to the webhook. */
  readonly authToken: string;
  readonly modelPath: string;
  readonly datasetsConfig: string;
  /** null: run without Prometheus and Alertmanager. */
  readonly binaries: PrometheusBinaries | null;
  readonly prometheusTiming?: PrometheusTiming;
  readonly alertmanagerTiming?: AlertmanagerTiming;
  readonly readyTimeoutMs: number;
  /** How long a stopped child may take after SIGTERM before it gets SIGKILL. */
  readonly stopGraceMs: number;
  /**
   * Whether the services start from the build (`dist/`) or from their sources under tsx; by
   * default the way the launcher itself runs.
   */
  readonly servicesFrom?: 'build' | 'source';
}

/** The token the stack uses when AUTH_TOKEN is not set: loopback-only services, so no secret. */
export const LOCAL_TOKEN = 'driftwatch-local-only';

/** Environment variables that move a local stack's ports, and the port each one sets. */
export const PORT_VARIABLES: Readonly<Record<keyof LocalPorts, string>> = {
  prediction: 'PREDICTION_PORT',
  monitoring: 'MONITORING_PORT',
  prometheus: 'PROMETHEUS_PORT',
  alertmanager: 'ALERTMANAGER_PORT',
};

/** Absolute path of an executable on PATH, or null. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/** Prometheus and Alertmanager from PATH (Debian names both ways), or null when one is missing. */
export function findPrometheusBinaries(): PrometheusBinaries | null {
  const prometheus = findExecutable('prometheus');
  const alertmanager = findExecutable('prometheus-alertmanager') ?? findExecutable('alertmanager');
  return prometheus && alertmanager ? { prometheus, alertmanager } : null;
}

/** The stack's ports: the standard ones unless moved by environment. Throws EnvError. */
export function portsFromEnv(env: Readonly<Record<string, string | undefined>>): LocalPorts {
  const r = new EnvReader(env);
  const ports = { ...DEFAULT_LOCAL_PORTS };
  for (const [key, name] of Object.entries(PORT_VARIABLES) as [keyof LocalPorts, string][]) {
    ports[key] = r.port(name, ports[key], 1);
  }
  r.finish('invalid local stack environment');
  return ports;
}

/**
 * The launcher's configuration: the standard ports unless moved by environment, data in
 * .data/stack unless STACK_DATA_DIR says otherwise.
 */
export function defaultStackConfig(
  env: Readonly<Record<string, string | undefined>>,
  withPrometheus: boolean,
): StackConfig {
  const r = new EnvReader(env);
  return {
    ports: portsFromEnv(env),
    dataDir: r.string('STACK_DATA_DIR', join(REPO_ROOT, '.data', 'stack')),
    authToken: r.string('AUTH_TOKEN', LOCAL_TOKEN),
    modelPath: r.string(
      'MODEL_PATH',
      join(REPO_ROOT, 'reference-data', 'model', 'model-card.json'),
    ),
    datasetsConfig: r.string(
      'DATASETS_CONFIG',
      join(REPO_ROOT, 'monitoring-service', 'config', 'datasets.yaml'),
    ),
    binaries: withPrometheus ? findPrometheusBinaries() : null,
    readyTimeoutMs: 60_000,
    stopGraceMs: 8000,
  };
}
