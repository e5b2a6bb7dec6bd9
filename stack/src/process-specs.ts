/**
 * How each process of the stack is started: command line, environment, log file and the URL
 * that answers 200 once it can serve. Every listener is bound to loopback.
 */
import { join } from 'node:path';
import { PREDICTION_NODE_FLAGS } from '@driftwatch/prediction-service/node-flags';
import { entryArgs, runsFromSource } from '@driftwatch/core/runtime/module-entry';
import type { ProcessSpec } from './managed-process.js';
import type { PrometheusBinaries, StackConfig } from './stack-config.js';
import { REPO_ROOT } from './repo-paths.js';

export type StackProcessName = 'monitoring' | 'prediction' | 'alertmanager' | 'prometheus';

export interface StackProcessSpec extends ProcessSpec {
  readonly name: StackProcessName;
  readonly readyUrl: string;
}

/** Paths under the stack's data directory. */
export function stackPaths(dataDir: string) {
  return {
    logs: join(dataDir, 'logs'),
    config: join(dataDir, 'config'),
    tokenFile: join(dataDir, 'config', 'service-token'),
    prometheusConfig: join(dataDir, 'config', 'prometheus.yml'),
    alertmanagerConfig: join(dataDir, 'config', 'alertmanager.yml'),
  };
}

const SERVICE_SHUTDOWN_MS = 5000;

/** Unless configured, the services run the way the launcher runs: from the build or the sources. */
const LAUNCHER_FROM_SOURCE = runsFromSource(import.meta.url);

function fromSource(c: StackConfig): boolean {
  return c.servicesFrom === undefined ? LAUNCHER_FROM_SOURCE : c.servicesFrom === 'source';
}

function serviceSpec(
  name: 'monitoring' | 'prediction',
  port: number,
  c: StackConfig,
  env: Record<string, string>,
): StackProcessSpec {
  return {
    name,
    command: process.execPath,
    args: [
      ...(name === 'prediction' ? PREDICTION_NODE_FLAGS : []),
      ...entryArgs(join(REPO_ROOT, `${name}-service`), 'main', fromSource(c)),
    ],
    cwd: REPO_ROOT,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(c.dataDir, name),
      AUTH_TOKEN: c.authToken,
      SHUTDOWN_TIMEOUT_MS: String(Math.min(SERVICE_SHUTDOWN_MS, c.stopGraceMs)),
      ...env,
    },
    logFile: join(stackPaths(c.dataDir).logs, `${name}.log`),
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  };
}

export function monitoringSpec(c: StackConfig): StackProcessSpec {
  // An empty MONGODB_URI means none: the local stack always uses the embedded store.
  return serviceSpec('monitoring', c.ports.monitoring, c, {
    MONGODB_URI: '',
    DATASETS_CONFIG: c.datasetsConfig,
  });
}

export function predictionSpec(c: StackConfig): StackProcessSpec {
  return serviceSpec('prediction', c.ports.prediction, c, {
    MONITORING_URL: `http://127.0.0.1:${c.ports.monitoring}`,
    MODEL_PATH: c.modelPath,
  });
}

export function alertmanagerSpec(c: StackConfig, bin: PrometheusBinaries): StackProcessSpec {
  const port = c.ports.alertmanager;
  return {
    name: 'alertmanager',
    command: bin.alertmanager,
    args: [
      `--config.file=${stackPaths(c.dataDir).alertmanagerConfig}`,
      `--storage.path=${join(c.dataDir, 'alertmanager')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns clustering off, which would otherwise listen on 9094.
      '--cluster.listen-address=',
    ],
    cwd: c.dataDir,
    logFile: join(stackPaths(c.dataDir).logs, 'alertmanager.log'),
    readyUrl: `http://127.0.0.1:${port}/-/ready`,
  };
}

export function prometheusSpec(c: StackConfig, bin: PrometheusBinaries): StackProcessSpec {
  const port = c.ports.prometheus;
  return {
    name: 'prometheus',
    command: bin.prometheus,
    args: [
      `--config.file=${stackPaths(c.dataDir).prometheusConfig}`,
      `--storage.tsdb.path=${join(c.dataDir, 'prometheus')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=7d',
    ],
    cwd: c.dataDir,
    logFile: join(stackPaths(c.dataDir).logs, 'prometheus.log'),
    readyUrl: `http://127.0.0.1:${port}/-/ready`,
  };
}
