import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCatalogueSeries } from './metric-catalogue.js';
import { promqlMetricNames } from './promql-names.js';
import { PROMETHEUS_DIR, readYaml } from './repo-paths.js';
import { allRules, recordedNames } from './rule-files.js';

const PINNED_ALERTS = [
  'LabelDriftDetected',
  'DatasetDriftDetected',
  'FeatureDriftHigh',
  'PredictionDriftDetected',
  'ModelQualityDrop',
  'DriftMonitorStale',
  'ServiceDown',
  'ForwardBacklog',
  'ModelQualityEstimatedDrop',
];

const unitTestFileSchema = z.object({
  tests: z.array(
    z.object({
      name: z.string(),
      alert_rule_test: z.array(
        z.object({ alertname: z.string(), exp_alerts: z.array(z.unknown()) }),
      ),
    }),
  ),
});

const alerts = allRules().filter((rule) => rule.alert !== undefined);

function unitTestExpectations(): { alertname: string; fires: boolean }[] {
  const dir = join(PROMETHEUS_DIR, 'tests');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .flatMap((name) => unitTestFileSchema.parse(readYaml(join('prometheus', 'tests', name))).tests)
    .flatMap((test) => test.alert_rule_test)
    .map((check) => ({ alertname: check.alertname, fires: check.exp_alerts.length > 0 }));
}

describe('alerting rules', () => {
  it('define exactly the pinned alert names, once each', () => {
    expect(alerts.map((rule) => rule.alert).sort()).toEqual([...PINNED_ALERTS].sort());
  });

  it.each(PINNED_ALERTS)('%s has a summary, a description, a runbook and a severity', (name) => {
    const rule = alerts.find((candidate) => candidate.alert === name);
    expect(rule?.annotations?.summary).toMatch(/\S/);
    expect(rule?.annotations?.description?.length).toBeGreaterThan(60);
    expect(rule?.labels?.severity).toMatch(/^(warning|critical)$/);
    expect(rule?.annotations?.runbook).toBe(`prometheus/README.md#${name.toLowerCase()}`);
  });

  it('link each runbook to a section of prometheus/README.md', () => {
    const readme = readFileSync(join(PROMETHEUS_DIR, 'README.md'), 'utf8');
    const headings = [...readme.matchAll(/^#{2,4} (\S+)\s*$/gm)].map((m) => m[1]?.toLowerCase());
    for (const name of PINNED_ALERTS) expect(headings).toContain(name.toLowerCase());
  });

  it.each(PINNED_ALERTS)('%s is unit-tested both firing and staying silent', (name) => {
    const checks = unitTestExpectations().filter((check) => check.alertname === name);
    expect(checks.some((check) => check.fires)).toBe(true);
    expect(checks.some((check) => !check.fires)).toBe(true);
  });

  it('read only catalogue metrics, recording rules and up', () => {
    const known = recordedNames();
    const unknown = allRules()
      .flatMap((rule) => promqlMetricNames(rule.expr))
      .filter((name) => !isCatalogueSeries(name) && !known.has(name) && name !== 'up');
    expect(unknown).toEqual([]);
  });
});
