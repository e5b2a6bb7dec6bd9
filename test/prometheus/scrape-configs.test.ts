import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYaml } from './repo-paths.js';

const configSchema = z.object({
  global: z.object({ scrape_interval: z.string(), evaluation_interval: z.string() }),
  rule_files: z.array(z.string()),
  alerting: z.object({
    alertmanagers: z.array(
      z.object({ static_configs: z.array(z.object({ targets: z.array(z.string()) })) }),
    ),
  }),
  scrape_configs: z.array(
    z.object({
      job_name: z.string(),
      static_configs: z.array(z.object({ targets: z.array(z.string()) })),
    }),
  ),
});

function targetsByJob(path: string): Record<string, string[]> {
  const config = configSchema.parse(readYaml(path));
  return Object.fromEntries(
    config.scrape_configs.map((job) => [
      job.job_name,
      job.static_configs.flatMap((s) => s.targets),
    ]),
  );
}

describe('Prometheus scrape configs', () => {
  it('scrapes both services and Prometheus itself by compose service name', () => {
    expect(targetsByJob('prometheus/prometheus.yml')).toEqual({
      'prediction-service': ['prediction-service:9696'],
      'monitoring-service': ['monitoring-service:8085'],
      prometheus: ['localhost:9090'],
    });
  });

  it('scrapes the same jobs on loopback in the local config', () => {
    expect(targetsByJob('prometheus/prometheus.local.yml')).toEqual({
      'prediction-service': ['127.0.0.1:9696'],
      'monitoring-service': ['127.0.0.1:8085'],
      prometheus: ['127.0.0.1:9090'],
    });
  });

  it('loads the same rules and timing in both configs, alerting the matching Alertmanager', () => {
    const compose = configSchema.parse(readYaml('prometheus/prometheus.yml'));
    const local = configSchema.parse(readYaml('prometheus/prometheus.local.yml'));
    expect(local.rule_files).toEqual(compose.rule_files);
    expect(local.global).toEqual(compose.global);
    expect(compose.alerting.alertmanagers[0]?.static_configs[0]?.targets).toEqual([
      'alertmanager:9093',
    ]);
    expect(local.alerting.alertmanagers[0]?.static_configs[0]?.targets).toEqual(['127.0.0.1:9093']);
  });
});
