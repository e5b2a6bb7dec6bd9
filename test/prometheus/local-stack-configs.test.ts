import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  localAlertmanagerConfig,
  localPrometheusConfig,
} from '../../stack/src/local-stack-configs.js';
import { AMTOOL, PROMTOOL, runCommand, skipReason } from './promtool.js';

const PORTS = { prediction: 19696, monitoring: 18085, prometheus: 19090, alertmanager: 19093 };
const scratch = mkdtempSync(join(tmpdir(), 'local-stack-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('local stack configs', () => {
  it('point Prometheus at the chosen loopback ports', () => {
    const config = parse(localPrometheusConfig(PORTS));
    expect(
      config.scrape_configs.map((job: { static_configs: unknown }) => job.static_configs),
    ).toEqual([
      [{ targets: ['127.0.0.1:19696'] }],
      [{ targets: ['127.0.0.1:18085'] }],
      [{ targets: ['127.0.0.1:19090'] }],
    ]);
    expect(config.alerting.alertmanagers).toEqual([
      { static_configs: [{ targets: ['127.0.0.1:19093'] }] },
    ]);
  });

  it('shorten intervals and load other rule files when a timing is given', () => {
    const config = parse(localPrometheusConfig(PORTS, { intervalS: 1, ruleFiles: ['/r/a.yml'] }));
    expect(config.global).toMatchObject({
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '1s',
    });
    expect(config.rule_files).toEqual(['/r/a.yml']);
  });

  it('shorten grouping delays, keeping child routes inheriting what they did not set', () => {
    const timing = { groupWaitS: 1, groupIntervalS: 2, repeatIntervalS: 60 };
    const config = parse(localAlertmanagerConfig(18085, undefined, timing));
    expect(config.route).toMatchObject({
      group_wait: '1s',
      group_interval: '2s',
      repeat_interval: '60s',
    });
    for (const child of config.route.routes) {
      expect(child).not.toHaveProperty('group_wait');
      expect(child.repeat_interval).toBe('60s');
    }
  });

  it('send alerts to the chosen monitoring port, with the token file when given', () => {
    const config = parse(localAlertmanagerConfig(18085, '/run/token'));
    expect(config.receivers[0].webhook_configs[0]).toMatchObject({
      url: 'http://127.0.0.1:18085/v1/alerts',
      http_config: { authorization: { type: 'Bearer', credentials_file: '/run/token' } },
    });
  });
});

describe.skipIf(PROMTOOL === null || AMTOOL === null)(
  `local stack configs under promtool and amtool${skipReason(PROMTOOL, 'promtool', 'prometheus')}${skipReason(AMTOOL, 'amtool', 'prometheus-alertmanager')}`,
  () => {
    it('pass promtool with every rule file loaded from a temp directory', () => {
      const file = join(scratch, 'prometheus.yml');
      writeFileSync(file, localPrometheusConfig(PORTS));
      const result = runCommand(PROMTOOL ?? 'promtool', ['check', 'config', file]);
      expect(result.status, result.output).toBe(0);
      expect(result.output).toMatch(/SUCCESS: [1-9]\d* rules found/);
    });

    it('pass amtool with and without a token file', () => {
      for (const [name, text] of [
        ['open.yml', localAlertmanagerConfig(18085)],
        ['token.yml', localAlertmanagerConfig(18085, join(scratch, 'token'))],
      ] as const) {
        writeFileSync(join(scratch, name), text);
        const result = runCommand(AMTOOL ?? 'amtool', ['check-config', join(scratch, name)]);
        expect(result.status, result.output).toBe(0);
      }
    });
  },
);
