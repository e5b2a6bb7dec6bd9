/**
 * The original service's `/iterate` rows are flat: feature columns, the prediction column, maybe
 * the target, probability and monitored columns. Each becomes an event with a generated id; the
 * monitored values go with it only when the row has them all.
 */
import type { EventRecord } from '../store/store.js';
import type { DatasetColumns } from './request-schemas.js';

export function iterateRowsToEvents(
  rows: readonly Record<string, unknown>[],
  columns: DatasetColumns & { probabilityByClass: Readonly<Record<string, string>> },
  now: () => number,
  newEventId: () => string,
): EventRecord[] {
  const timestamp = new Date(now()).toISOString();
  return rows.map((row) => {
    const features: Record<string, number> = {};
    for (const name of columns.featureNames) features[name] = row[name] as number;
    const event: EventRecord = {
      eventId: newEventId(),
      timestamp,
      features,
      prediction: String(row[columns.predictionColumn]),
    };
    const monitored: Record<string, number> = {};
    for (const name of columns.monitoredColumns) {
      if (typeof row[name] === 'number') monitored[name] = row[name];
    }
    const complete = Object.keys(monitored).length === columns.monitoredColumns.length;
    if (columns.monitoredColumns.length > 0 && complete) event.monitored = monitored;
    const target = columns.targetColumn ? row[columns.targetColumn] : undefined;
    if (target !== undefined && target !== null) event.label = String(target);
    const probabilities: Record<string, number> = {};
    for (const [cls, column] of Object.entries(columns.probabilityByClass)) {
      if (typeof row[column] === 'number') probabilities[cls] = row[column];
    }
    if (Object.keys(probabilities).length > 0) event.probabilities = probabilities;
    return event;
  });
}
