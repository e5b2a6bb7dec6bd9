import type { DriftTable } from './engine-api.js';

/** A DriftTable that breaks the engine's contract (missing column, wrong length, non-finite). */
export class DriftTableError extends Error {
  override name = 'DriftTableError';
}

/**
 * Checks what the drift engine relies on: at least one row, every named feature present with
 * rowCount finite values, and prediction/target columns (when given) of rowCount entries.
 * `caller` names the public function in the message.
 *
 * O(rows × features). Throws DriftTableError naming the column (and row, for a bad value).
 */
export function checkDriftTable(
  table: DriftTable,
  featureNames: readonly string[],
  caller: string,
): void {
  const { rowCount } = table;
  if (!(Number.isInteger(rowCount) && rowCount >= 1)) {
    throw new DriftTableError(`${caller} requires at least one row, got rowCount ${rowCount}`);
  }
  for (const name of featureNames) {
    const values = table.features[name];
    if (values === undefined) {
      throw new DriftTableError(`${caller} requires feature column "${name}"`);
    }
    checkLength(values.length, rowCount, `feature "${name}"`, caller);
    for (let row = 0; row < rowCount; row++) {
      if (!Number.isFinite(values[row])) {
        throw new DriftTableError(
          `${caller} requires finite values: feature "${name}" row ${row} is ${values[row]}`,
        );
      }
    }
  }
  if (table.prediction) checkLength(table.prediction.length, rowCount, 'prediction', caller);
  if (table.target) checkLength(table.target.length, rowCount, 'target', caller);
}

function checkLength(length: number, rowCount: number, column: string, caller: string): void {
  if (length !== rowCount) {
    throw new DriftTableError(
      `${caller} requires ${rowCount} values in ${column} (rowCount), got ${length}`,
    );
  }
}
