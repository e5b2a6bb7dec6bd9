import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMTOOL, runCommand, skipReason } from './promtool.js';
import { PROMETHEUS_DIR } from './repo-paths.js';
import { ruleFilePaths } from './rule-files.js';

const promtool = PROMTOOL ?? 'promtool';

describe.skipIf(PROMTOOL === null)(
  `promtool on the Prometheus files${skipReason(PROMTOOL, 'promtool', 'prometheus')}`,
  () => {
    it.each(['prometheus.yml', 'prometheus.local.yml'])(
      'accepts %s together with the rule files it loads',
      (config) => {
        const result = runCommand(promtool, ['check', 'config', config], PROMETHEUS_DIR);
        expect(result.status, result.output).toBe(0);
        expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
      },
    );

    it('accepts every rule file', () => {
      const files = ruleFilePaths().map((path) => join('..', path));
      const result = runCommand(promtool, ['check', 'rules', ...files], PROMETHEUS_DIR);
      expect(result.status, result.output).toBe(0);
    });

    it('passes the unit tests of every alert', () => {
      const tests = readdirSync(join(PROMETHEUS_DIR, 'tests'))
        .filter((name) => name.endsWith('.yml'))
        .map((name) => join('tests', name));
      expect(tests.length).toBeGreaterThan(0);
      const result = runCommand(promtool, ['test', 'rules', ...tests], PROMETHEUS_DIR);
      expect(result.status, result.output).toBe(0);
    });
  },
);
