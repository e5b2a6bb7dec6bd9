import { countCategories } from '../stats/category-counts.js';
import { classificationMetrics } from '../stats/classification-metrics.js';
import { fitPsiBins } from '../stats/psi-edges.js';
import { checkDriftTable } from './check-table.js';
import { hashDriftTable, hashGroups } from './content-hash.js';
import type { DriftTable, PsiBins, ReferenceProfile } from './engine-api.js';
import type { NullSource } from './null-calibration.js';
import { knownTargets, labelledRows } from './labelled-rows.js';
import { fitReferenceCalibration } from './reference-calibration.js';

/**
 * Fits the reference once (docs/architecture.md): ascending values and PSI bins per feature,
 * category counts of the prediction and (known) target columns, the classification quality of the
 * labelled reference rows, a SHA-256 content hash and the calibration of the model's probabilities
 * (`fitReferenceCalibration`). Reports reuse all of it without re-sorting or re-binning. The
 * profile's arrays belong to the profile: callers must not mutate them.
 *
 * O(F · n log n) for F features and n rows. Throws DriftTableError when the table lacks a named
 * feature, has no rows, a non-finite feature value or columns of the wrong length, and an Error
 * when a feature name is repeated.
 */
export function fitReferenceProfile(
  reference: DriftTable,
  featureNames: readonly string[],
): ReferenceProfile {
  if (new Set(featureNames).size !== featureNames.length) {
    throw new Error('fitReferenceProfile requires distinct feature names');
  }
  checkDriftTable(reference, featureNames, 'fitReferenceProfile');
  const sorted: Record<string, Float64Array> = {};
  const psi: Record<string, PsiBins> = {};
  for (const name of featureNames) {
    const values = Float64Array.from(reference.features[name]!).sort();
    sorted[name] = values;
    psi[name] = fitPsiBins(values);
  }
  const targets = knownTargets(reference);
  const labelled = labelledRows(reference);
  const hash = hashDriftTable(reference, featureNames);
  return {
    featureNames: [...featureNames],
    rowCount: reference.rowCount,
    sorted,
    psi,
    predictionCounts: reference.prediction ? countCategories(reference.prediction) : null,
    targetCounts: targets ? countCategories(targets) : null,
    quality: labelled ? classificationMetrics(labelled.truth, labelled.predicted) : null,
    hash,
    nullSource: nullSourceOf(reference, featureNames, hash),
    calibration: fitReferenceCalibration(reference),
  };
}

/**
 * The rows of each group in table order, with the columns calibration reads, keyed by the table's
 * content hash and its groups; null without groups.
 */
function nullSourceOf(
  table: DriftTable,
  featureNames: readonly string[],
  tableHash: string,
): NullSource | null {
  if (!table.groups) return null;
  const rowsOf = new Map<string, number[]>();
  table.groups.forEach((group, row) => {
    const key = group ?? `\u0000row ${row}`;
    const rows = rowsOf.get(key);
    if (rows) rows.push(row);
    else rowsOf.set(key, [row]);
  });
  if (rowsOf.size < 2) return null;
  const columns: Record<string, Float64Array> = {};
  for (const name of featureNames) columns[name] = Float64Array.from(table.features[name]!);
  const groups = [...rowsOf.values()].map((rows) => Int32Array.from(rows));
  return {
    groups,
    columns,
    prediction: table.prediction ?? null,
    target: table.target ?? null,
    key: hashGroups(tableHash, groups),
  };
}
