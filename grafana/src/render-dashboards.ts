import type { Dashboard } from './builders/dashboard-model.js';
import type { GrafanaDashboardJson } from './builders/grafana-schema.js';
import { classificationQualityDashboard } from './dashboards/classification-quality.js';
import { dataDriftDashboard } from './dashboards/data-drift.js';
import { predictionDriftDashboard } from './dashboards/prediction-drift.js';
import { serviceHealthDashboard } from './dashboards/service-health.js';

/**
 * Every provisioned dashboard, by the file name it is committed under in grafana/dashboards/. The
 * compiler checks each against Grafana's own dashboard schema types.
 */
export function allDashboards(): Map<string, Dashboard> {
  return new Map<string, Dashboard>([
    ['data-drift.json', dataDriftDashboard()],
    ['prediction-drift.json', predictionDriftDashboard()],
    ['classification-quality.json', classificationQualityDashboard()],
    ['service-health.json', serviceHealthDashboard()],
  ]) satisfies ReadonlyMap<string, GrafanaDashboardJson>;
}

/** The committed form of a dashboard: two-space JSON with a final newline. */
export function renderDashboard(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
