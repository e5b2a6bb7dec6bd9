/**
 * Every PromQL expression the dashboards and rules use, with Grafana's variables filled in, and
 * the few that may legitimately return nothing in the test's scenario, each with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '../../../grafana/src/builders/dashboard-model.js';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import { REPO_ROOT } from '../../../stack/src/repo-paths.js';
import { dashboardQueries } from '../../grafana/dashboard-queries.js';
import { allRules } from '../../prometheus/rule-files.js';

export interface CatalogueQuery {
  where: string;
  expr: string;
}

/** Where (dashboard / panel / query, or rule name) → why an empty answer is right here. */
export const MAY_BE_EMPTY: Readonly<Record<string, string>> = {
  'alert ModelQualityDrop':
    'only present when quality falls 0.1 below the reference; sensor bias may or may not do that',
  'alert ModelQualityEstimatedDrop':
    'only present when estimated accuracy falls 0.1 below the reference; under sensor bias the model stays confident, so the estimate barely moves',
  'alert PredictionDriftDetected':
    'sensor bias moves features; whether predictions shift enough depends on the model',
  'alert LabelDriftDetected':
    'sensor bias changes the signals, not what people do: the labels keep their distribution',
  'alert DriftMonitorStale': 'drift runs every second, so the last run is never stale',
  'alert ServiceDown': 'queried while every target is up; the test stops one afterwards',
  'alert ForwardBacklog': 'the forwarding outbox drains continuously',
};

const VARIABLES: Readonly<Record<string, string>> = {
  dataset: 'exercise_group',
  feature: `${FEATURE_NAMES[0]}|${FEATURE_NAMES[1]}`,
  // Grafana's $__rate_interval is at least four scrape intervals; the test scrapes every second.
  __rate_interval: '15s',
};

function withVariables(expr: string): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => VARIABLES[name] ?? whole);
}

export function catalogueQueries(): CatalogueQuery[] {
  const dir = join(REPO_ROOT, 'grafana', 'dashboards');
  const fromDashboards = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) =>
      dashboardQueries(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Dashboard),
    );
  const fromRules = allRules().map((rule) => ({
    where: rule.alert ? `alert ${rule.alert}` : `record ${rule.record}`,
    expr: rule.expr,
  }));
  return [...fromDashboards, ...fromRules].map((q) => ({
    where: q.where,
    expr: withVariables(q.expr),
  }));
}
