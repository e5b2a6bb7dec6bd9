/**
 * zod schemas of the other request bodies (the event contract's are in the core package's
 * contract/), and one parse helper that turns the first issue into an error naming the field.
 */
import { z } from 'zod';
import { appError } from './errors.js';
import { className, classValue } from '@driftwatch/core/contract/event-schemas';

export interface DatasetColumns {
  featureNames: readonly string[];
  /** Monitored-only columns: optional in /iterate rows, which predate them. */
  monitoredColumns: readonly string[];
  classLabels: readonly string[];
  predictionColumn: string;
  targetColumn: string | null;
  probabilityColumns: readonly string[];
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
