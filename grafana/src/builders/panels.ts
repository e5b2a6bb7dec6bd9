import type { Transformation } from './dashboard-model.js';
import { draftPanel, type PanelDraft, type PanelSpec } from './panel-spec.js';

const LEGEND = { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [] };
const LAST_VALUE = { calcs: ['lastNotNull'], fields: '', values: false };

export interface TimeSeriesSpec extends PanelSpec {
  /** Draw the thresholds as dashed lines, e.g. α = 0.05 or PSI 0.25. */
  thresholdLines?: boolean;
  /** p-values span orders of magnitude; a log axis keeps small ones visible. */
  logScale?: boolean;
}

/** Lines over time; the default for anything whose history matters. */
export function timeSeries(spec: TimeSeriesSpec): PanelDraft {
  return draftPanel(spec, {
    type: 'timeseries',
    colorMode: 'palette-classic',
    custom: {
      drawStyle: 'line',
      lineWidth: 1,
      fillOpacity: 0,
      showPoints: 'never',
      spanNulls: false,
      axisPlacement: 'auto',
      scaleDistribution: spec.logScale ? { type: 'log', log: 10 } : { type: 'linear' },
      thresholdsStyle: { mode: spec.thresholdLines ? 'dashed' : 'off' },
    },
    options: { legend: LEGEND, tooltip: { mode: 'multi', sort: 'desc' } },
  });
}

/** One big number (the latest value), coloured by thresholds or value mappings. */
export function stat(spec: PanelSpec): PanelDraft {
  return draftPanel(spec, {
    type: 'stat',
    colorMode: 'thresholds',
    options: {
      reduceOptions: LAST_VALUE,
      colorMode: 'background',
      graphMode: 'none',
      justifyMode: 'auto',
      orientation: 'auto',
      textMode: 'auto',
      wideLayout: true,
      showPercentChange: false,
    },
  });
}

/** Discrete states over time, e.g. the 0/1 drift decision with value mappings. */
export function stateTimeline(spec: PanelSpec): PanelDraft {
  return draftPanel(spec, {
    type: 'state-timeline',
    colorMode: 'thresholds',
    custom: { fillOpacity: 80, lineWidth: 0 },
    options: {
      mergeValues: true,
      showValue: 'auto',
      alignValue: 'left',
      rowHeight: 0.9,
      legend: LEGEND,
      tooltip: { mode: 'single', sort: 'none' },
    },
  });
}

/** Sorts table rows by one field, descending; Grafana keeps that order when drawing. */
export function sortDescending(field: string): Transformation {
  return { id: 'sortBy', options: { fields: {}, sort: [{ field, desc: true }] } };
}

/** One horizontal bar per row of an instant table query, largest first. */
export function sortedBarGauge(spec: PanelSpec, valueField = 'Value'): PanelDraft {
  return draftPanel(spec, {
    type: 'bargauge',
    colorMode: 'thresholds',
    options: {
      reduceOptions: { calcs: ['lastNotNull'], fields: `/^${valueField}$/`, values: true },
      displayMode: 'gradient',
      orientation: 'horizontal',
      valueMode: 'color',
      namePlacement: 'left',
      showUnfilled: true,
      sizing: 'auto',
      minVizHeight: 16,
      minVizWidth: 8,
      maxVizHeight: 300,
    },
    transformations: [sortDescending(valueField)],
  });
}

export interface TableSpec extends PanelSpec {
  sortBy?: string;
  /** Colour cells by thresholds, e.g. the counts of a confusion matrix. */
  colorCells?: boolean;
}

/** Rows and columns, e.g. the most drifted features or a confusion matrix. */
export function table(spec: TableSpec): PanelDraft {
  return draftPanel(spec, {
    type: 'table',
    colorMode: 'thresholds',
    custom: {
      align: 'auto',
      cellOptions: { type: spec.colorCells ? 'color-background' : 'auto' },
      inspect: false,
    },
    options: {
      showHeader: true,
      cellHeight: 'sm',
      footer: { show: false, reducer: ['sum'], fields: '', countRows: false },
      sortBy: spec.sortBy === undefined ? [] : [{ displayName: spec.sortBy, desc: true }],
    },
  });
}

/** Grouped bars from a table whose first column names the groups (e.g. classes). */
export function barChart(spec: PanelSpec): PanelDraft {
  return draftPanel(spec, {
    type: 'barchart',
    colorMode: 'palette-classic',
    custom: { fillOpacity: 80, lineWidth: 1, gradientMode: 'none', axisPlacement: 'auto' },
    options: {
      orientation: 'auto',
      groupWidth: 0.7,
      barWidth: 0.9,
      showValue: 'never',
      stacking: 'none',
      xTickLabelRotation: -45,
      legend: LEGEND,
      tooltip: { mode: 'multi', sort: 'none' },
    },
  });
}

/** Pivots an instant table query into a matrix: one row per `rowField`, a column per `columnField`. */
export function matrix(rowField: string, columnField: string): Transformation {
  return {
    id: 'groupingToMatrix',
    options: { rowField, columnField, valueField: 'Value', emptyValue: 'null' },
  };
}
