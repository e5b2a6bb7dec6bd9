import type {
  ColorMode,
  FieldDefaults,
  FieldOverride,
  Panel,
  ThresholdStep,
  Transformation,
  ValueMapping,
} from './dashboard-model.js';
import { PROMETHEUS } from './dashboard-model.js';
import { type Query, target } from './queries.js';

/** What every panel must say: a title, what it shows (description) and the unit of its values. */
export interface PanelSpec {
  title: string;
  description: string;
  unit: string;
  queries: Query[];
  /** Grid columns (of 24) and rows; the layout places panels left to right, top to bottom. */
  width: number;
  height: number;
  decimals?: number;
  min?: number;
  max?: number;
  thresholds?: ThresholdStep[];
  mappings?: ValueMapping[];
  overrides?: FieldOverride[];
  transformations?: Transformation[];
}

/** A panel before layout: everything but its id and grid position. */
export type PanelDraft = Omit<Panel, 'id' | 'gridPos'> & { size: { w: number; h: number } };

const NEUTRAL_THRESHOLDS: ThresholdStep[] = [{ color: 'green', value: null }];

/** Thresholds from a base colour and ascending (value, colour) steps. */
export function steps(base: string, ...rest: [number, string][]): ThresholdStep[] {
  return [{ color: base, value: null }, ...rest.map(([value, color]) => ({ color, value }))];
}

/** Text and colour per exact value, e.g. 0 → "Down" in red. */
export function stateMapping(
  ...states: [value: number, text: string, color: string][]
): ValueMapping {
  return {
    type: 'value',
    options: Object.fromEntries(
      states.map(([value, text, color], index) => [String(value), { text, color, index }]),
    ),
  };
}

/** Text and colour for the 0/1 decision gauges the monitoring service publishes (1 is bad). */
export function booleanMapping(no: string, yes: string): ValueMapping {
  return stateMapping([0, no, 'green'], [1, yes, 'red']);
}

/** Field properties for one field, matched by its display name (e.g. a renamed table column). */
export function fieldOverride(
  fieldName: string,
  properties: Record<string, unknown>,
): FieldOverride {
  return {
    matcher: { id: 'byName', options: fieldName },
    properties: Object.entries(properties).map(([id, value]) => ({ id, value })),
  };
}

function fieldDefaults(spec: PanelSpec, colorMode: ColorMode, custom?: Record<string, unknown>) {
  const defaults: FieldDefaults = {
    unit: spec.unit,
    color: { mode: colorMode },
    thresholds: { mode: 'absolute', steps: spec.thresholds ?? NEUTRAL_THRESHOLDS },
    mappings: spec.mappings ?? [],
  };
  if (spec.decimals !== undefined) defaults.decimals = spec.decimals;
  if (spec.min !== undefined) defaults.min = spec.min;
  if (spec.max !== undefined) defaults.max = spec.max;
  if (custom !== undefined) defaults.custom = custom;
  return defaults;
}

export interface PanelKind {
  type: string;
  colorMode: ColorMode;
  options: Record<string, unknown>;
  custom?: Record<string, unknown>;
  transformations?: Transformation[];
}

/** Assembles a panel of a given kind from a spec; panel builders only choose the kind. */
export function draftPanel(spec: PanelSpec, kind: PanelKind): PanelDraft {
  const transformations = [...(kind.transformations ?? []), ...(spec.transformations ?? [])];
  const draft: PanelDraft = {
    type: kind.type,
    title: spec.title,
    description: spec.description,
    datasource: PROMETHEUS,
    fieldConfig: {
      defaults: fieldDefaults(spec, kind.colorMode, kind.custom),
      overrides: spec.overrides ?? [],
    },
    options: kind.options,
    targets: spec.queries.map(target),
    size: { w: spec.width, h: spec.height },
  };
  if (transformations.length > 0) draft.transformations = transformations;
  return draft;
}
