import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../grafana/src/builders/dashboard-model.js';
import { REPO_ROOT, readYaml } from '../prometheus/repo-paths.js';
import { type ComposeService, loadCompose } from './compose-file.js';

const compose = loadCompose();

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** Container path where a host path is mounted, by host path. */
function mounts(name: string): Map<string, string> {
  return new Map(
    (service(name).volumes ?? []).map((v) => [v.split(':')[0] ?? '', v.split(':')[1] ?? '']),
  );
}

describe('docker-compose wiring between the configs', () => {
  it('mounts the Prometheus config with its rules directory beside it, as rule_files expects', () => {
    const config = z
      .object({ rule_files: z.array(z.string()) })
      .parse(readYaml('prometheus/prometheus.yml'));
    const prometheus = mounts('prometheus');
    expect(prometheus.get('./prometheus/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
    expect(prometheus.get('./prometheus/rules')).toBe('/etc/prometheus/rules');
    expect(config.rule_files).toEqual(['rules/*.yml']);
    expect(service('prometheus').command).toContain('--config.file=/etc/prometheus/prometheus.yml');
  });

  it('writes the service token where alertmanager.yml reads it and starts with the mounted config', () => {
    const credentialsFile = '/alertmanager/service-token';
    const config = JSON.stringify(readYaml('prometheus/alertmanager.yml'));
    const startup = (service('alertmanager').command ?? []).join(' ');
    expect(config).toContain(`"credentials_file":"${credentialsFile}"`);
    expect(startup).toContain(`"$AUTH_TOKEN" > ${credentialsFile}`);
    expect(startup).toContain('--config.file=/etc/alertmanager/alertmanager.yml');
    expect(mounts('alertmanager').get('./prometheus/alertmanager.yml')).toBe(
      '/etc/alertmanager/alertmanager.yml',
    );
  });

  it('mounts Grafana provisioning and the generated dashboards where the provider looks', () => {
    const grafana = mounts('grafana');
    expect(grafana.get('./grafana/provisioning')).toBe('/etc/grafana/provisioning');
    expect(grafana.get('./grafana/dashboards')).toBe('/etc/grafana/dashboards');
  });

  it('runs current Prometheus and Alertmanager releases, without the lifecycle API', () => {
    // The configs are checked with Debian's promtool and amtool (2.42 and 0.25), whose rule and
    // routing syntax these releases accept.
    expect(service('prometheus').image).toBe('prom/prometheus:v3.14.0');
    expect(service('alertmanager').image).toBe('prom/alertmanager:v0.28.1');
    expect(service('prometheus').command ?? []).not.toContain('--web.enable-lifecycle');
  });

  it('runs the Grafana release the dashboards are typed against', () => {
    // Dashboards are type-checked against @grafana/schema of the same release as the image, and
    // Grafana 11.0 to 11.2 save dashboards with the schemaVersion the builders emit.
    const { devDependencies } = z
      .object({ devDependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')));
    expect(service('grafana').image).toBe(`grafana/grafana:${devDependencies['@grafana/schema']}`);
    expect(service('grafana').image).toMatch(/^grafana\/grafana:11\.[0-2]\.\d+$/);
    expect(SCHEMA_VERSION).toBe(39);
  });

  it('configures both services by the environment docs/contracts.md names, with one shared token', () => {
    const monitoring = service('monitoring-service').environment ?? {};
    const prediction = service('prediction-service').environment ?? {};
    for (const env of [monitoring, prediction]) {
      expect(Object.keys(env)).toEqual(expect.arrayContaining(['PORT', 'DATA_DIR', 'AUTH_TOKEN']));
    }
    expect(monitoring).toMatchObject({
      PORT: '8085',
      MONGODB_URI: 'mongodb://driftwatch:sample0secret@mongodb:27017/driftwatch?authSource=admin',
    });
    expect(monitoring.DATASETS_CONFIG).toMatch(/\S/);
    expect(prediction).toMatchObject({
      PORT: '9696',
      MONITORING_URL: 'http://monitoring-service:8085',
    });
    expect(prediction.MODEL_PATH).toMatch(/\S/);
    const tokens = ['monitoring-service', 'prediction-service', 'alertmanager', 'sender'].map(
      (name) => service(name).environment?.AUTH_TOKEN,
    );
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/\S/);
  });
});
