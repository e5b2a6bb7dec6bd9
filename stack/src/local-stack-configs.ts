/**
 * Renders prometheus.local.yml and alertmanager.local.yml for any loopback ports, optionally
 * with shorter intervals and other rule files (the end-to-end test compresses time this way),
 * so a launcher or a test can write them anywhere and still load the repository's rules.
 */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { PROMETHEUS_DIR, readRepoYaml } from './repo-paths.js';

/** Loopback ports of a local stack; the defaults of docs/architecture.md unless a test picks free ones. */
export interface LocalPorts {
  prediction: number;
  monitoring: number;
  prometheus: number;
  alertmanager: number;
}

export const DEFAULT_LOCAL_PORTS: LocalPorts = {
  prediction: 9696,
  monitoring: 8085,
  prometheus: 9090,
  alertmanager: 9093,
};

export interface PrometheusTiming {
  /** Scrape and rule evaluation interval (the scrape timeout follows it). */
  intervalS: number;
  /** Absolute rule file paths or globs, instead of the repository's rules/*.yml. */
  ruleFiles?: readonly string[];
}

export interface AlertmanagerTiming {
  groupWaitS: number;
  groupIntervalS: number;
  repeatIntervalS: number;
}

const TARGET_PORT_BY_JOB: Record<string, keyof LocalPorts> = {
  'prediction-service': 'prediction',
  'monitoring-service': 'monitoring',
  prometheus: 'prometheus',
};

const scrapeJob = z.looseObject({
  job_name: z.string(),
  static_configs: z.array(z.looseObject({ targets: z.array(z.string()) })),
});
const prometheusConfig = z.looseObject({
  global: z.looseObject({}),
  rule_files: z.array(z.string()),
  alerting: z.looseObject({
    alertmanagers: z.array(z.looseObject({ static_configs: z.unknown() })),
  }),
  scrape_configs: z.array(scrapeJob),
});

const route = z.looseObject({ routes: z.array(z.looseObject({})).optional() });
const alertmanagerConfig = z.looseObject({
  route,
  receivers: z.array(
    z.looseObject({ webhook_configs: z.array(z.looseObject({ url: z.string() })) }),
  ),
});

/**
 * prometheus.local.yml with the given ports and rule files resolved to the repository (or the
 * timing's own rule files), so the result can be written to any directory.
 */
export function localPrometheusConfig(ports: LocalPorts, timing?: PrometheusTiming): string {
  const config = prometheusConfig.parse(readRepoYaml('prometheus/prometheus.local.yml'));
  config.rule_files = timing?.ruleFiles
    ? [...timing.ruleFiles]
    : config.rule_files.map((glob) => join(PROMETHEUS_DIR, glob));
  if (timing) {
    const interval = `${timing.intervalS}s`;
    Object.assign(config.global, {
      scrape_interval: interval,
      scrape_timeout: interval,
      evaluation_interval: interval,
    });
  }
  config.alerting.alertmanagers = [
    { static_configs: [{ targets: [`127.0.0.1:${ports.alertmanager}`] }] },
  ];
  for (const job of config.scrape_configs) {
    const port = TARGET_PORT_BY_JOB[job.job_name];
    if (port === undefined)
      throw new Error(`localPrometheusConfig has no port for ${job.job_name}`);
    job.static_configs = [{ targets: [`127.0.0.1:${ports[port]}`] }];
  }
  return stringify(config);
}

/** Sets the grouping delays on a route; `onlyGiven` keeps a child route inheriting the rest. */
function applyTiming(r: Record<string, unknown>, timing: AlertmanagerTiming, onlyGiven: boolean) {
  const values = {
    group_wait: timing.groupWaitS,
    group_interval: timing.groupIntervalS,
    repeat_interval: timing.repeatIntervalS,
  };
  for (const [key, seconds] of Object.entries(values)) {
    if (!onlyGiven || key in r) r[key] = `${seconds}s`;
  }
}

/**
 * alertmanager.local.yml sending to the monitoring service on `monitoringPort`, with the bearer
 * token read from `tokenFile` when the local monitoring service requires one, and with shorter
 * grouping delays when `timing` is given.
 */
export function localAlertmanagerConfig(
  monitoringPort: number,
  tokenFile?: string,
  timing?: AlertmanagerTiming,
): string {
  const config = alertmanagerConfig.parse(readRepoYaml('prometheus/alertmanager.local.yml'));
  const url = `http://127.0.0.1:${monitoringPort}/v1/alerts`;
  const httpConfig =
    tokenFile === undefined
      ? {}
      : { http_config: { authorization: { type: 'Bearer', credentials_file: tokenFile } } };
  for (const receiver of config.receivers) {
    receiver.webhook_configs = receiver.webhook_configs.map((hook) => ({
      ...hook,
      url,
      ...httpConfig,
    }));
  }
  if (timing) {
    applyTiming(config.route, timing, false);
    for (const child of config.route.routes ?? []) applyTiming(child, timing, true);
  }
  return stringify(config);
}
