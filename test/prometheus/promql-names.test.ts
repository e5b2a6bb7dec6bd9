import { describe, expect, it } from 'vitest';
import { promqlMetricNames } from './promql-names.js';

describe('promqlMetricNames', () => {
  it('finds selectors and skips functions, label lists, strings and durations', () => {
    const expr =
      'histogram_quantile(0.9, sum by (le, dataset) (rate(prediction_request_duration_seconds_bucket{status=~"5.."}[5m])))';
    expect(promqlMetricNames(expr)).toEqual(['prediction_request_duration_seconds_bucket']);
  });

  it('finds both sides of binary operators with matching clauses and recorded names', () => {
    const expr =
      'max by (dataset) (drift_window_events{window="current"}) >= on () group_left () driftwatch:drift_window_minimum_events and up == 0';
    expect(promqlMetricNames(expr)).toEqual([
      'drift_window_events',
      'driftwatch:drift_window_minimum_events',
      'up',
    ]);
  });

  it('ignores Grafana variables, exponents and keywords', () => {
    const expr =
      'drift_feature_psi{dataset="$dataset"} > 1e-3 unless on(feature) x_total offset 5m';
    expect(promqlMetricNames(expr)).toEqual(['drift_feature_psi', 'x_total']);
  });
});
