import type { DriftTable } from './engine-api.js';

/**
 * The rows with both a known target and a prediction, as two aligned label lists; null when the
 * table lacks either column or no row has both. O(rows).
 */
export function labelledRows(table: DriftTable): { truth: string[]; predicted: string[] } | null {
  const { prediction, target } = table;
  if (!prediction || !target) return null;
  const truth: string[] = [];
  const predicted: string[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const label = target[row];
    if (label === null || label === undefined) continue;
    truth.push(label);
    predicted.push(prediction[row]!);
  }
  return truth.length > 0 ? { truth, predicted } : null;
}

/** The known (non-null) targets; null when the table has no target column. O(rows). */
export function knownTargets(table: DriftTable): string[] | null {
  if (!table.target) return null;
  return table.target.filter((label): label is string => label !== null && label !== undefined);
}
