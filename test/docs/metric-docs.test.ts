/**
 * docs/metrics.md lists every series the services register, every recording rule and every
 * alert. Metric names are found two ways, so that neither a new registration path nor a new file
 * slips through: by building each service's metrics on a fresh registry, and by reading every
 * source file that imports prom-client for the names it registers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../helpers/repo-files.js';
import { allRules } from '../prometheus/rule-files.js';
import { createMetrics as createMonitoringMetrics } from '../../monitoring-service/src/metrics/metrics.js';
import { createStoreMetrics } from '../../monitoring-service/src/metrics/store-metrics.js';
import { createMetrics as createPredictionMetrics } from '../../prediction-service/src/metrics/metrics.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_ROOTS = ['core/src', 'prediction-service/src', 'monitoring-service/src'];

/** Names written in backticks in docs/metrics.md. */
function documentedNames(): Set<string> {
  const text = readFileSync(join(ROOT, 'docs/metrics.md'), 'utf8');
  return new Set([...text.matchAll(/`([A-Za-z_:][A-Za-z0-9_:]*)`/g)].map((m) => m[1]!));
}

function registeredNames(): string[] {
  const registry = new Registry();
  createMonitoringMetrics(registry);
  createStoreMetrics(registry, ['any']);
  const prediction = new Registry();
  createPredictionMetrics(prediction);
  return [...registry.getMetricsAsArray(), ...prediction.getMetricsAsArray()].map((m) => m.name);
}

/** `new Gauge({ name: '…' })` and its Counter, Histogram and Summary siblings. */
const CONSTRUCTED =
  /new\s+(?:Counter|Gauge|Histogram|Summary)\b(?:<[^>]*>)?\(\s*\{\s*name:\s*'([^']+)'/g;
/** A factory helper's first argument: `gauge('drift_…', help, labels)`. */
const BY_HELPER = /\b(?:counter|gauge|histogram|summary)(?:<[^>]*>)?\(\s*'([^']+)'/g;

/** Metric names registered in the files that import prom-client, by file. */
function namesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SOURCE_ROOTS.flatMap((root) => filesUnder(root, (n) => n.endsWith('.ts')))) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    if (!/from 'prom-client'/.test(text)) continue;
    for (const pattern of [CONSTRUCTED, BY_HELPER]) {
      for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
    }
  }
  return found;
}

function ruleNames(): { records: string[]; alerts: string[] } {
  const rules = allRules();
  return {
    records: rules.flatMap((rule) => (rule.record ? [rule.record] : [])),
    alerts: rules.flatMap((rule) => (rule.alert ? [rule.alert] : [])),
  };
}

describe('docs/metrics.md', () => {
  const documented = documentedNames();

  it('finds the metrics both ways', () => {
    const registered = registeredNames();
    const inSources = namesInSources();
    // The two ways agree, so a metric one of them misses would still be seen by the other.
    expect([...inSources.keys()].sort()).toEqual([...new Set(registered)].sort());
    expect(registered).toContain('drift_feature_ks_statistic');
    expect(registered).toContain('prediction_forward_queue_events');
    expect(registered).toContain('monitoring_store_write_failures_total');
  });

  it('documents every metric the services register', () => {
    const names = new Set([...registeredNames(), ...namesInSources().keys()]);
    expect([...names].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents every recording rule and alert', () => {
    const { records, alerts } = ruleNames();
    expect(records.length).toBeGreaterThan(0);
    expect(alerts).toContain('DatasetDriftDetected');
    expect([...records, ...alerts].filter((name) => !documented.has(name))).toEqual([]);
  });
});
