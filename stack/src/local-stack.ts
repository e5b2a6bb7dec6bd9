/**
 * Starts the local stack in dependency order (monitoring, prediction, Alertmanager, Prometheus),
 * each only once the one before answers its readiness probe, and stops it in reverse.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { localAlertmanagerConfig, localPrometheusConfig } from './local-stack-configs.js';
import { type ManagedProcess, startProcess } from './managed-process.js';
import { preflight } from './preflight.js';
import {
  alertmanagerSpec,
  monitoringSpec,
  predictionSpec,
  prometheusSpec,
  type StackProcessName,
  type StackProcessSpec,
  stackPaths,
} from './process-specs.js';
import { waitUntilReady } from './readiness.js';
import type { StackConfig } from './stack-config.js';

export interface LocalStack {
  readonly config: StackConfig;
  readonly processes: ReadonlyMap<StackProcessName, ManagedProcess>;
  /** Resolves with the first process that exits, for whatever reason. */
  firstExit(): Promise<ManagedProcess>;
  /**
   * Stops every process still running (prediction first, so its outbox drains); resolves with
   * how each process ended (exit code or signal), by name.
   */
  stop(): Promise<Map<string, number | string>>;
}

function writeConfigs(c: StackConfig): void {
  const paths = stackPaths(c.dataDir);
  mkdirSync(paths.logs, { recursive: true });
  mkdirSync(paths.config, { recursive: true });
  writeFileSync(paths.tokenFile, c.authToken, { mode: 0o600 });
  chmodSync(paths.tokenFile, 0o600);
  writeFileSync(paths.prometheusConfig, localPrometheusConfig(c.ports, c.prometheusTiming));
  writeFileSync(
    paths.alertmanagerConfig,
    localAlertmanagerConfig(c.ports.monitoring, paths.tokenFile, c.alertmanagerTiming),
  );
}

function specsOf(c: StackConfig): StackProcessSpec[] {
  const services = [monitoringSpec(c), predictionSpec(c)];
  if (!c.binaries) return services;
  return [...services, alertmanagerSpec(c, c.binaries), prometheusSpec(c, c.binaries)];
}

/** Prediction first: on SIGTERM it flushes its outbox to a monitoring service still running. */
async function stopAll(
  started: ManagedProcess[],
  graceMs: number,
): Promise<Map<string, number | string>> {
  const prediction = started.find((p) => p.name === 'prediction');
  if (prediction) await prediction.stop(graceMs);
  await Promise.all(started.filter((p) => p !== prediction).map((p) => p.stop(graceMs)));
  return new Map(await Promise.all(started.map(async (p) => [p.name, await p.exited] as const)));
}

export interface StartHooks {
  /** Called as each process becomes ready. */
  readonly onReady?: (p: ManagedProcess, spec: StackProcessSpec) => void;
  /** Aborting interrupts the start-up; whatever started is stopped. */
  readonly signal?: AbortSignal;
}

/** Throws StackStartError (after stopping whatever did start) when a process cannot start. */
export async function startLocalStack(
  config: StackConfig,
  hooks: StartHooks = {},
): Promise<LocalStack> {
  await preflight(config);
  writeConfigs(config);
  const processes = new Map<StackProcessName, ManagedProcess>();
  try {
    for (const spec of specsOf(config)) {
      const p = startProcess(spec);
      processes.set(spec.name, p);
      await waitUntilReady(p, spec.readyUrl, config.readyTimeoutMs, hooks.signal);
      hooks.onReady?.(p, spec);
    }
  } catch (error) {
    await stopAll([...processes.values()], config.stopGraceMs);
    throw error;
  }
  const all = [...processes.values()];
  return {
    config,
    processes,
    firstExit: () => Promise.race(all.map((p) => p.exited.then(() => p))),
    stop: () => stopAll(all, config.stopGraceMs),
  };
}
