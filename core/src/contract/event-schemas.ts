/**
 * zod schemas of the event contract: what one prediction event and one label must hold for a
 * dataset (its feature names, monitored columns and classes are part of the schema).
 */
import { z } from 'zod';

const id = z.string().min(1).max(256);
export const className = z.string().min(1).max(256);

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
