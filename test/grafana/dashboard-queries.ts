import type { Dashboard } from '../../grafana/src/builders/dashboard-model.js';

export interface DashboardQuery {
  where: string;
  expr: string;
}

/**
 * Every PromQL expression of a dashboard: panel targets, annotation queries and the selectors of
 * its variables.
 */
export function dashboardQueries(dashboard: Dashboard): DashboardQuery[] {
  const panelQueries = dashboard.panels.flatMap((panel) =>
    panel.targets.map((target) => ({
      where: `${dashboard.uid} / ${panel.title} / ${target.refId}`,
      expr: target.expr,
    })),
  );
  const variableQueries = dashboard.templating.list.map((variable) => ({
    where: `${dashboard.uid} / $${variable.name}`,
    expr: labelValuesSelector(variable.query.query),
  }));
  const annotationQueries = dashboard.annotations.list.flatMap((annotation) =>
    'expr' in annotation
      ? [{ where: `${dashboard.uid} / annotation ${annotation.name}`, expr: annotation.expr }]
      : [],
  );
  return [...panelQueries, ...annotationQueries, ...variableQueries];
}

/** The series selector inside `label_values(selector, label)`. */
export function labelValuesSelector(definition: string): string {
  const match = /^label_values\((.+), *(\w+)\)$/.exec(definition);
  if (match?.[1] === undefined) throw new Error(`not a label_values query: ${definition}`);
  return match[1];
}

const SAMPLE_VALUES: Record<string, string> = {
  __rate_interval: '1m',
  dataset: 'exercise',
  feature: 'accel_x_1|gyro_z_4',
};

/** Substitutes Grafana's template variables the way Grafana would before querying Prometheus. */
export function withSampleVariables(expr: string): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => SAMPLE_VALUES[name] ?? whole);
}
