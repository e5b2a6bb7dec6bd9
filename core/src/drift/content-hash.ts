import { createHash } from 'node:crypto';
import type { DriftTable } from './engine-api.js';

/**
 * SHA-256 (hex) of a table's content as the drift engine sees it: the feature names in the given
 * order with their values (as IEEE-754 doubles, in row order), then the prediction and target
 * columns. Two references with the same content get the same hash wherever they were loaded.
 *
 * O(rows × columns). Throws when a named feature is missing.
 */
export function hashDriftTable(table: DriftTable, featureNames: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ rowCount: table.rowCount, featureNames }));
  for (const name of featureNames) {
    const values = table.features[name];
    if (values === undefined) throw new Error(`hashDriftTable: no feature column "${name}"`);
    hash.update(littleEndianBytes(values));
  }
  hash.update(JSON.stringify({ prediction: table.prediction ?? null }));
  hash.update(JSON.stringify({ target: table.target ?? null }));
  return hash.digest('hex');
}

/**
 * SHA-256 (hex) of a table's hash and its groups (the row indices of each, in order): what
 * calibration draws its resampled windows from. O(rows).
 */
export function hashGroups(tableHash: string, groups: readonly Int32Array[]): string {
  const hash = createHash('sha256');
  hash.update(tableHash);
  const length = new Uint32Array(1);
  for (const rows of groups) {
    length[0] = rows.length;
    hash.update(new Uint8Array(length.buffer));
    hash.update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  }
  return hash.digest('hex');
}

/** Whether this machine stores doubles little-endian, as the hash reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The values as IEEE-754 doubles in little-endian order, so the hash is the same everywhere. */
function littleEndianBytes(values: ArrayLike<number>): Uint8Array {
  const doubles = values instanceof Float64Array ? values : Float64Array.from(values);
  if (LITTLE_ENDIAN) return new Uint8Array(doubles.buffer, doubles.byteOffset, doubles.byteLength);
  const bytes = new DataView(new ArrayBuffer(doubles.length * 8));
  for (let i = 0; i < doubles.length; i++) bytes.setFloat64(i * 8, doubles[i]!, true);
  return new Uint8Array(bytes.buffer);
}
