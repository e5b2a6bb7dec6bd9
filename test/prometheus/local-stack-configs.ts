import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { PROMETHEUS_DIR, readYaml } from './repo-paths.js';

/** Loopback ports of a local stack; the DESIGN §4 defaults unless a test picks free ones. */
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
  rule_files: z.array(z.string()),
  alerting: z.looseObject({
    alertmanagers: z.array(z.looseObject({ static_configs: z.unknown() })),
  }),
  scrape_configs: z.array(scrapeJob),
});

const alertmanagerConfig = z.looseObject({
  receivers: z.array(
    z.looseObject({ webhook_configs: z.array(z.looseObject({ url: z.string() })) }),
  ),
});

/**
 * prometheus.local.yml with the given ports and rule files resolved to the repository, so the
 * result can be written to any directory (a test's temp dir) and still load the same rules.
 */
export function localPrometheusConfig(ports: LocalPorts): string {
  const config = prometheusConfig.parse(readYaml('prometheus/prometheus.local.yml'));
  config.rule_files = config.rule_files.map((glob) => join(PROMETHEUS_DIR, glob));
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

/**
 * alertmanager.local.yml sending to the monitoring service on `monitoringPort`, with the bearer
 * token read from `tokenFile` when the local monitoring service requires one.
 */
export function localAlertmanagerConfig(monitoringPort: number, tokenFile?: string): string {
  const config = alertmanagerConfig.parse(readYaml('prometheus/alertmanager.local.yml'));
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
  return stringify(config);
}
