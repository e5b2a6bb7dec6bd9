import { PROMETHEUS, type PrometheusTarget } from './dashboard-model.js';

/** One PromQL query of a panel; refIds are assigned in order (A, B, …) by the panel builders. */
export interface Query {
  expr: string;
  /** Grafana legend template, e.g. `{{feature}}`; series names fall back to labels when empty. */
  legend?: string;
  /** Instant queries return only the latest value: for tables, bar gauges and matrices. */
  instant?: boolean;
  /** Table format keeps labels as columns, which matrix and merge transformations need. */
  table?: boolean;
}

/** A PromQL query as Grafana 11 stores it for the Prometheus datasource. */
export function target(query: Query, index: number): PrometheusTarget {
  const instant = query.instant ?? false;
  return {
    datasource: PROMETHEUS,
    refId: String.fromCharCode(65 + index),
    expr: query.expr,
    legendFormat: query.legend ?? '__auto',
    range: !instant,
    instant,
    format: query.table ? 'table' : 'time_series',
    editorMode: 'code',
  };
}

/**
 * The prediction service serves one dataset and may publish its series without a dataset label;
 * `=~"$dataset|"` matches the selected dataset or no dataset label at all.
 */
const DATASET_LABEL_OPTIONAL = /^prediction_/;

/** The dashboards' series selector for one dataset, with extra label matchers appended. */
export function ds(metric: string, matchers = ''): string {
  const dataset = DATASET_LABEL_OPTIONAL.test(metric)
    ? 'dataset=~"$dataset|"'
    : 'dataset="$dataset"';
  const extra = matchers === '' ? '' : `, ${matchers}`;
  return `${metric}{${dataset}${extra}}`;
}

/** The p-th quantile of a histogram, over the dataset's series, aggregated by `by` plus `le`. */
export function histogramQuantile(quantile: number, histogram: string, by: readonly string[] = []) {
  const labels = ['le', ...by].join(', ');
  return `histogram_quantile(${quantile}, sum by (${labels}) (rate(${ds(`${histogram}_bucket`)}[$__rate_interval])))`;
}

/** Per-second rate of one of the dataset's counters over Grafana's rate interval. */
export function rateOf(metric: string, matchers = ''): string {
  return `rate(${ds(metric, matchers)}[$__rate_interval])`;
}

/** Median, 90th and 99th percentile queries of a histogram, legends p50, p90, p99. */
export function percentiles(histogram: string): Query[] {
  return [0.5, 0.9, 0.99].map((q) => ({
    expr: histogramQuantile(q, histogram),
    legend: `p${Math.round(q * 100)}`,
  }));
}
