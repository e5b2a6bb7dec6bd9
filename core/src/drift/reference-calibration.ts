import { compareCodePoints } from '../stats/code-point-order.js';
import { fitIsotonicCalibration } from '../stats/isotonic-calibration.js';
import type { ProbabilityCalibration, ProbabilityRow } from '../stats/isotonic-calibration.js';
import type { DriftTable } from './engine-api.js';

/**
 * The calibration of the model's probabilities on a labelled reference table
 * (`fitIsotonicCalibration`) over its rows with a known target, a prediction and probabilities;
 * the classes are those the probabilities name. Null when the table has no such row.
 *
 * O(K · n log n) for K classes and n rows. Throws when such a row lacks a class's probability
 * or holds one outside [0, 1].
 */
export function fitReferenceCalibration(reference: DriftTable): ProbabilityCalibration | null {
  const { probabilities, target, prediction } = reference;
  if (!probabilities || !target || !prediction) return null;
  const rows: ProbabilityRow[] = [];
  const truth: string[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < reference.rowCount; i++) {
    const row = probabilities[i];
    const label = target[i];
    if (row === null || row === undefined || label === null || label === undefined) continue;
    rows.push(row);
    truth.push(label);
    predicted.push(prediction[i]!);
  }
  if (rows.length === 0) return null;
  const classes = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort(compareCodePoints);
  return fitIsotonicCalibration(classes, rows, truth, predicted);
}
