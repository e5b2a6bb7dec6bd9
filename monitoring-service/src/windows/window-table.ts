/**
 * Turns window events into the drift engine's column table.
 */
import type { DriftTable } from '../drift/engine-api.js';
import type { StoredEvent } from '../store/store.js';

/**
 * Columns of `events`, with each event's probabilities (null where it has none); the target
 * column only when `withTarget` (null where unlabelled).
 */
export function windowTable(
  events: readonly StoredEvent[],
  featureNames: readonly string[],
  withTarget: boolean,
): DriftTable {
  const features: Record<string, Float64Array> = {};
  for (const name of featureNames) {
    const column = new Float64Array(events.length);
    events.forEach((event, row) => {
      column[row] = event.features[name] ?? Number.NaN;
    });
    features[name] = column;
  }
  const table: DriftTable = {
    rowCount: events.length,
    features,
    prediction: events.map((e) => e.prediction),
    probabilities: events.map((e) => e.probabilities ?? null),
  };
  if (withTarget) table.target = events.map((e) => e.label ?? null);
  return table;
}
