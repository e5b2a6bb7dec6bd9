import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROMETHEUS } from '../../grafana/src/builders/dashboard-model.js';
import { readYaml } from '../prometheus/repo-paths.js';

const datasourceFile = z.object({
  apiVersion: z.literal(1),
  datasources: z.array(
    z.object({
      name: z.string(),
      uid: z.string(),
      type: z.string(),
      url: z.string(),
      jsonData: z.object({ timeInterval: z.string() }),
    }),
  ),
});

const providerFile = z.object({
  apiVersion: z.literal(1),
  providers: z.array(
    z.object({ type: z.literal('file'), options: z.object({ path: z.string() }) }),
  ),
});

describe('Grafana provisioning', () => {
  it('provides the datasource the dashboards refer to, at the compose Prometheus', () => {
    const { datasources } = datasourceFile.parse(
      readYaml('grafana/provisioning/datasources/prometheus.yml'),
    );
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatchObject({ uid: PROMETHEUS.uid, type: PROMETHEUS.type });
    expect(datasources[0]?.url).toBe('http://prometheus:9090');
  });

  it('sets the datasource interval to the Prometheus scrape interval', () => {
    const prometheus = z
      .object({ global: z.object({ scrape_interval: z.string() }) })
      .parse(readYaml('prometheus/prometheus.yml'));
    const { datasources } = datasourceFile.parse(
      readYaml('grafana/provisioning/datasources/prometheus.yml'),
    );
    expect(datasources[0]?.jsonData.timeInterval).toBe(prometheus.global.scrape_interval);
  });

  it('loads dashboards from one file provider directory', () => {
    const { providers } = providerFile.parse(
      readYaml('grafana/provisioning/dashboards/driftwatch.yml'),
    );
    expect(providers.map((p) => p.options.path)).toEqual(['/etc/grafana/dashboards']);
  });
});
