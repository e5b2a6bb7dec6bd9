import {
  type Dashboard,
  type GridPos,
  type Panel,
  PROMETHEUS,
  type PrometheusAnnotation,
  type QueryVariable,
  SCHEMA_VERSION,
} from './dashboard-model.js';
import type { PanelDraft } from './panel-spec.js';

const GRID_COLUMNS = 24;

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  variables: QueryVariable[];
  /** Panels row by row; each row's widths add up to at most 24 grid columns. */
  rows: PanelDraft[][];
}

/** Places rows top to bottom and panels left to right, numbering panels from 1. */
export function layOut(rows: readonly PanelDraft[][]): Panel[] {
  const panels: Panel[] = [];
  let y = 0;
  for (const row of rows) {
    let x = 0;
    for (const { size, ...draft } of row) {
      const gridPos: GridPos = { h: size.h, w: size.w, x, y };
      panels.push({ id: panels.length + 1, gridPos, ...draft });
      x += size.w;
    }
    if (x > GRID_COLUMNS) {
      const titles = row.map((panel) => panel.title).join(', ');
      throw new Error(`layOut requires rows of at most ${GRID_COLUMNS} columns: ${titles}`);
    }
    y += Math.max(0, ...row.map((panel) => panel.size.h));
  }
  return panels;
}

/** A complete dashboard in Grafana 11's JSON model, ready to be provisioned from a file. */
export function dashboard(spec: DashboardSpec): Dashboard {
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['driftwatch'],
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    editable: true,
    graphTooltip: 1,
    refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    timepicker: {},
    timezone: 'browser',
    fiscalYearStartMonth: 0,
    weekStart: '',
    liveNow: false,
    // A menu of the other Driftwatch dashboards that keeps the dataset and time range.
    links: [
      {
        type: 'dashboards',
        title: 'Driftwatch',
        tags: ['driftwatch'],
        asDropdown: true,
        includeVars: true,
        keepTime: true,
        targetBlank: false,
        icon: 'external link',
        tooltip: '',
      },
    ],
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
        alertsAnnotation(),
      ],
    },
    templating: { list: spec.variables },
    panels: layOut(spec.rows),
  };
}

/**
 * Marks on every time panel while a Prometheus alert fires for the dataset, or for no dataset
 * (ServiceDown, ForwardBacklog): one region per firing, titled with the alert's name.
 */
export function alertsAnnotation(): PrometheusAnnotation {
  return {
    datasource: PROMETHEUS,
    enable: true,
    hide: false,
    iconColor: 'rgba(242, 73, 92, 1)',
    name: 'Alerts firing',
    expr: 'ALERTS{alertstate="firing", dataset=~"$dataset|"}',
    step: '30s',
    titleFormat: '{{alertname}}',
    textFormat: '{{alertname}} firing ({{severity}})',
    tagKeys: 'alertname,severity',
    useValueForTime: false,
  };
}
