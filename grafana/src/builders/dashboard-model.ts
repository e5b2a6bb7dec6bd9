/**
 * The subset of Grafana's dashboard JSON (schemaVersion 39, Grafana 11.2) that our dashboards use.
 * Field names and nesting follow what Grafana itself saves, so a provisioned dashboard that is
 * later saved from the UI diffs cleanly against the generated file.
 */

export const SCHEMA_VERSION = 39;

export interface DataSourceRef {
  type: 'prometheus';
  uid: string;
}

/** The provisioned Prometheus datasource (grafana/provisioning/datasources/prometheus.yml). */
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: 'prometheus' };

/** A type alias, not an interface: Grafana types targets as open records, which needs an index
 * signature that only aliases get implicitly. */
export type PrometheusTarget = {
  datasource: DataSourceRef;
  refId: string;
  expr: string;
  legendFormat: string;
  range: boolean;
  instant: boolean;
  format: 'time_series' | 'table';
  editorMode: 'code';
};

export interface ThresholdStep {
  color: string;
  /** Grafana writes the base step as null: it applies from minus infinity. */
  value: number | null;
}

export interface ValueMapping {
  type: 'value';
  options: Record<string, { text: string; color: string; index: number }>;
}

/** Colour by series (time series, bar chart) or by thresholds and mappings (everything else). */
export type ColorMode = 'palette-classic' | 'thresholds';

export interface FieldDefaults {
  unit: string;
  decimals?: number;
  min?: number;
  max?: number;
  color: { mode: ColorMode };
  thresholds: { mode: 'absolute'; steps: ThresholdStep[] };
  mappings: ValueMapping[];
  custom?: Record<string, unknown>;
}

export interface FieldOverride {
  matcher: { id: 'byName' | 'byFrameRefID'; options: string };
  properties: { id: string; value: unknown }[];
}

export interface GridPos {
  h: number;
  w: number;
  x: number;
  y: number;
}

export interface Transformation {
  id: string;
  options: Record<string, unknown>;
}

export interface Panel {
  id: number;
  type: string;
  title: string;
  description: string;
  datasource: DataSourceRef;
  gridPos: GridPos;
  fieldConfig: { defaults: FieldDefaults; overrides: FieldOverride[] };
  options: Record<string, unknown>;
  targets: PrometheusTarget[];
  transformations?: Transformation[];
}

export interface QueryVariable {
  type: 'query';
  name: string;
  label: string;
  description: string;
  datasource: DataSourceRef;
  query: { qryType: 1; query: string; refId: 'PrometheusVariableQueryEditor-VariableQuery' };
  refresh: 2;
  sort: 1;
  multi: boolean;
  includeAll: boolean;
  /** The initial selection; an empty one makes Grafana pick the first value it finds. */
  current: { selected: boolean; text: string | string[]; value: string | string[] };
  options: [];
  hide: 0;
  regex: '';
  skipUrlSync: false;
}

/** A link menu to the dashboards carrying some tags. */
export interface DashboardsLink {
  type: 'dashboards';
  title: string;
  tags: string[];
  asDropdown: boolean;
  includeVars: boolean;
  keepTime: boolean;
  targetBlank: boolean;
  icon: 'external link';
  tooltip: string;
}

/** Grafana's built-in "Annotations & Alerts" entry that every dashboard carries. */
export interface BuiltInAnnotation {
  builtIn: 1;
  datasource: { type: 'grafana'; uid: '-- Grafana --' };
  enable: boolean;
  hide: boolean;
  iconColor: string;
  name: string;
  type: 'dashboard';
}

/**
 * An annotation drawn from a Prometheus query, in the fields Grafana's Prometheus datasource
 * reads (`expr`, `step`, `titleFormat`, `tagKeys`, `textFormat`, `useValueForTime`). The schema
 * package types annotation targets for the Grafana datasource only, so these fields are ours.
 */
export interface PrometheusAnnotation {
  datasource: DataSourceRef;
  enable: boolean;
  hide: boolean;
  iconColor: string;
  name: string;
  expr: string;
  step: string;
  titleFormat: string;
  textFormat: string;
  tagKeys: string;
  useValueForTime: false;
}

export interface Dashboard {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  schemaVersion: number;
  version: 1;
  editable: boolean;
  graphTooltip: 1;
  refresh: string;
  time: { from: string; to: string };
  timepicker: Record<string, never>;
  timezone: 'browser';
  fiscalYearStartMonth: 0;
  weekStart: '';
  liveNow: false;
  links: DashboardsLink[];
  annotations: { list: (BuiltInAnnotation | PrometheusAnnotation)[] };
  templating: { list: QueryVariable[] };
  panels: Panel[];
}
