/**
 * Turns window events into the drift engine's column table.
 */
import type { DriftTable, ReferenceProfile } from '@driftwatch/core/drift/engine-api';
import type { StoredEvent } from '../store/store.js';

/**
 * Columns of `events`, each read from the event's features or else its monitored-only values,
 * with each event's probabilities (null where it has none); the target column only when
 * `withTarget` (null where unlabelled). A column some event lacks (events stored before the
 * dataset monitored it) is left out of the table rather than filled in.
 */
export function windowTable(
  events: readonly StoredEvent[],
  columnNames: readonly string[],
  withTarget: boolean,
): DriftTable {
  const features: Record<string, Float64Array> = {};
  for (const name of columnNames) {
    const column = new Float64Array(events.length);
    let complete = true;
    for (let row = 0; row < events.length && complete; row++) {
      const event = events[row]!;
      const value = event.features[name] ?? event.monitored?.[name];
      if (value === undefined) complete = false;
      else column[row] = value;
    }
    if (complete) features[name] = column;
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

/**
 * The profile as it applies to `table`: the same profile when the table has every profile
 * column, else one that tests only the columns the table has.
 */
export function profileForTable(profile: ReferenceProfile, table: DriftTable): ReferenceProfile {
  const present = profile.featureNames.filter((name) => table.features[name] !== undefined);
  if (present.length === profile.featureNames.length) return profile;
  return { ...profile, featureNames: present };
}
