import { FEATURE_COUNT, FEATURE_NAMES } from '../../prediction-service/src/features/index.js';
import { csvField, shortestFloat32 } from './format-number.js';
import type { PopulationTable } from './population-table.js';
import type { Predictions } from './reference-artifacts.js';

export const TARGET_COLUMN = 'label';
export const PREDICTION_COLUMN = 'prediction';

/** Column of a class's probability in the reference table. */
export function probabilityColumn(classLabel: string): string {
  return `proba_${classLabel}`;
}

/**
 * The reference table as CSV: the 65 features (float64, shortest round-trip decimals), the true
 * label, the model's prediction and its probabilities (float32, shortest decimals).
 */
export function referenceCsv(
  table: PopulationTable,
  predictions: Predictions,
  classLabels: readonly string[],
): string {
  const header = [
    ...FEATURE_NAMES,
    TARGET_COLUMN,
    PREDICTION_COLUMN,
    ...classLabels.map(probabilityColumn),
  ];
  const lines = [header.map(csvField).join(',')];
  const C = classLabels.length;
  for (let i = 0; i < table.rows; i++) {
    const fields: string[] = [];
    for (let f = 0; f < FEATURE_COUNT; f++)
      fields.push(String(table.features[i * FEATURE_COUNT + f]));
    fields.push(csvField(table.labels[i]!), csvField(predictions.labels[i]!));
    for (let c = 0; c < C; c++) fields.push(shortestFloat32(predictions.probabilities[i * C + c]!));
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What the monitoring service and the drift CLI need to read the reference table. */
export function referenceSchema(
  classLabels: readonly string[],
  modelVersion: string,
): Record<string, unknown> {
  return {
    file: 'reference.csv',
    modelVersion,
    features: [...FEATURE_NAMES],
    target: TARGET_COLUMN,
    prediction: PREDICTION_COLUMN,
    probabilities: Object.fromEntries(
      classLabels.map((label) => [label, probabilityColumn(label)]),
    ),
    classLabels: [...classLabels],
  };
}
