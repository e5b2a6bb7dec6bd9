import type { ProbabilityCalibration, ProbabilityRow } from '../stats/isotonic-calibration.js';
import type { DriftTable } from './engine-api.js';
import { estimateClassification } from './estimate-quality.js';
import type { EstimatedClassification } from './estimated-classification-types.js';

/**
 * `estimateClassification` over the rows of a table that have probabilities and a prediction,
 * labelled or not; null without a calibration or without such rows.
 *
 * O(n · K log t + n · L), as estimateClassification. Throws when a probability is outside [0, 1].
 */
export function estimateTableQuality(
  calibration: ProbabilityCalibration | null,
  table: DriftTable,
): EstimatedClassification | null {
  const { probabilities, prediction } = table;
  if (!calibration || !probabilities || !prediction) return null;
  const rows: ProbabilityRow[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const row = probabilities[i];
    if (row === null || row === undefined) continue;
    rows.push(row);
    predicted.push(prediction[i]!);
  }
  return rows.length > 0 ? estimateClassification(calibration, rows, predicted) : null;
}
