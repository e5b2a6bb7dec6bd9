/**
 * zod schemas of the request bodies, built per dataset (its feature names are part of the
 * schema), and one parse helper that turns the first issue into an error naming the field.
 */
import { z } from 'zod';
import { appError } from './errors.js';

const id = z.string().min(1).max(256);
const className = z.string().min(1).max(256);

/**
 * A class value of the dataset: one of its `classLabels` when the reference schema lists them
 * (any non-empty name otherwise). The one rule for values outside them, shared with the
 * prediction service: the request is rejected with 400 naming the value, and nothing is stored.
 */
export function classValue(classLabels: readonly string[]) {
  const known = new Set(classLabels);
  const list = classLabels.join(', ');
  return className.superRefine((value, ctx) => {
    if (known.size === 0 || known.has(value)) return;
    const shown = JSON.stringify(value.slice(0, 100));
    ctx.addIssue({ code: 'custom', message: `unknown class ${shown}; the classes are ${list}` });
  });
}

export interface DatasetColumns {
  featureNames: readonly string[];
  /** Monitored-only columns: optional in /iterate rows, which predate them. */
  monitoredColumns: readonly string[];
  classLabels: readonly string[];
  predictionColumn: string;
  targetColumn: string | null;
  probabilityColumns: readonly string[];
}

/**
 * Exactly the dataset's features, each a finite number. A refinement rather than a 65-key
 * strictObject: it checks the same things without copying every vector (the hot path of ingest).
 */
export function featuresSchema(featureNames: readonly string[]) {
  return numbersByName(featureNames, 'feature', true);
}

/**
 * Monitored-only values: every value a finite number, and at least the dataset's monitored
 * columns. Other names are allowed (and stored): which summaries a dataset tests is its own
 * choice, not the sender's.
 */
export function monitoredSchema(monitoredNames: readonly string[]) {
  return numbersByName(monitoredNames, 'monitored column', false);
}

function numbersByName(names: readonly string[], noun: string, exact: boolean) {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  return z
    .custom<Record<string, number>>(isObject, `expected an object of ${noun} values`)
    .superRefine((values, ctx) => {
      const notFinite = (name: string) => {
        const value = values[name];
        if (typeof value === 'number' && Number.isFinite(value)) return false;
        const message =
          value === undefined ? `missing ${noun}` : `expected a finite number, got ${typeof value}`;
        ctx.addIssue({ code: 'custom', path: [name], message });
        return true;
      };
      for (const name of names) if (notFinite(name)) return;
      let count = 0;
      for (const name in values) {
        count++;
        // Beyond the named ones, values are only checked where they are let through.
        if (!exact && notFinite(name)) return;
      }
      if (exact && count > names.length) {
        const extra = Object.keys(values).filter((k) => !names.includes(k));
        ctx.addIssue({ code: 'custom', message: `unknown ${noun}(s): ${extra.join(', ')}` });
      }
    });
}

/**
 * One event of the dataset. `monitored` is required when the dataset declares monitored-only
 * columns, and may be left out when it declares none.
 */
export function eventSchema(
  featureNames: readonly string[],
  classLabels: readonly string[] = [],
  monitoredNames: readonly string[] = [],
) {
  const value = classValue(classLabels);
  const monitored = monitoredSchema(monitoredNames);
  return z.strictObject({
    eventId: id,
    timestamp: z.iso.datetime({ offset: true }),
    features: featuresSchema(featureNames),
    monitored: monitoredNames.length > 0 ? monitored : monitored.optional(),
    prediction: value,
    probabilities: z.record(value, z.number().min(0).max(1)).optional(),
    label: value.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  });
}

export function labelSchema(classLabels: readonly string[] = []) {
  return z.strictObject({ eventId: id, label: classValue(classLabels) });
}

/** A row of the original /iterate route: feature columns, the prediction, maybe the target. */
export function iterateRowSchema(columns: DatasetColumns) {
  const label = z
    .union([className, z.number().transform(String)])
    .pipe(classValue(columns.classLabels));
  const shape: Record<string, z.ZodType> = { [columns.predictionColumn]: label };
  for (const name of columns.featureNames) shape[name] = z.number();
  for (const name of columns.monitoredColumns) shape[name] = z.number().optional();
  if (columns.targetColumn) shape[columns.targetColumn] = label.nullable().optional();
  for (const name of columns.probabilityColumns) shape[name] = z.number().min(0).max(1).optional();
  return z.strictObject(shape);
}

/** Alert names as Prometheus rules name them: a letter or `_`, then letters, digits, `_`. */
const alertName = z
  .string()
  .max(128, 'alertname must be at most 128 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'alertname must match [A-Za-z_][A-Za-z0-9_]*');

/** At most 64 labels or annotations, names and values of bounded length. */
const stringMap = (maxValueLength: number) =>
  z
    .record(z.string().min(1).max(128), z.string().max(maxValueLength))
    .refine((map) => Object.keys(map).length <= 64, 'at most 64 entries');

export const MAX_ALERTS_PER_REQUEST = 1000;

export const alertWebhookSchema = z.looseObject({
  alerts: z
    .array(
      z.looseObject({
        status: z.enum(['firing', 'resolved']),
        labels: stringMap(1024).and(z.looseObject({ alertname: alertName })),
        annotations: stringMap(8192).optional(),
        startsAt: z.string().max(64).optional(),
        endsAt: z.string().max(64).optional(),
        fingerprint: z.string().max(64).optional(),
      }),
    )
    .max(MAX_ALERTS_PER_REQUEST),
});

/**
 * Takes the list out of `{ [key]: [...] }` or a bare array; more than `maxItems` is a 413, an
 * empty list a 400.
 */
export function batchItems(
  body: unknown,
  key: string,
  maxItems: number,
): { items: unknown[]; path: string } {
  const wrapped = body !== null && typeof body === 'object' && !Array.isArray(body);
  const items = wrapped ? (body as Record<string, unknown>)[key] : body;
  const path = wrapped ? key : '';
  if (!Array.isArray(items)) {
    throw appError('invalid_body', `the body must be a JSON array or { "${key}": [...] }`, {
      field: key,
    });
  }
  if (items.length === 0) {
    throw appError('invalid_body', `${key} must not be empty`, { field: key });
  }
  if (items.length > maxItems) {
    throw appError(
      'payload_too_large',
      `at most ${maxItems} ${key} per request, got ${items.length}`,
      { field: key },
    );
  }
  if (wrapped && Object.keys(body as object).length > 1) {
    throw appError('invalid_body', `only "${key}" is allowed at the top level`, { field: key });
  }
  return { items, path };
}

/** Parses `value` or throws invalid_body naming the first offending field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = formatPath(prefix, issue?.path ?? []);
  const message = issue?.message ?? 'invalid value';
  throw appError('invalid_body', field ? `${field}: ${message}` : message, {
    field: field || undefined,
  });
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    prefix,
  );
}
