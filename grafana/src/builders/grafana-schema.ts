import type { Dashboard as GrafanaDashboard } from '@grafana/schema';

/**
 * A type with every string enum replaced by the union of its values, as the enum members read in
 * JSON. @grafana/schema types fields like a colour mode as TypeScript enums, which plain string
 * literals never satisfy even when the JSON is the same.
 */
export type AsJson<T> = T extends string
  ? `${T}`
  : T extends readonly (infer Item)[]
    ? AsJson<Item>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;

/** Dashboard JSON as Grafana's own schema package (the version of the pinned image) defines it. */
export type GrafanaDashboardJson = AsJson<GrafanaDashboard>;
