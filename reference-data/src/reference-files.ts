import {
  FEATURE_COUNT,
  FEATURE_NAMES,
  SUMMARY_COUNT,
  SUMMARY_NAMES,
} from '@driftwatch/core/features/index';
import { csvField, shortestFloat32 } from './format-number.js';
import type { PopulationTable } from './population-table.js';
import type { Predictions } from './reference-artifacts.js';

export const TARGET_COLUMN = 'label';
export const PREDICTION_COLUMN = 'prediction';
/** The person each window comes from: what makes windows of one person alike. */
export const GROUP_COLUMN = 'person';

/** Column of a class's probability in the reference table. */
export function probabilityColumn(classLabel: string): string {
  return `proba_${classLabel}`;
}

/**
 * The reference table as CSV: the 65 features (float64, shortest round-trip decimals), the true
 * label, the model's prediction and its probabilities (float32, shortest decimals), the person
 * and the raw-signal summaries (monitored, not model inputs).
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
    GROUP_COLUMN,
    ...SUMMARY_NAMES,
  ];
  const lines = [header.map(csvField).join(',')];
  const C = classLabels.length;
  for (let i = 0; i < table.rows; i++) {
    const fields: string[] = [];
    for (let f = 0; f < FEATURE_COUNT; f++)
      fields.push(String(table.features[i * FEATURE_COUNT + f]));
    fields.push(csvField(table.labels[i]!), csvField(predictions.labels[i]!));
    for (let c = 0; c < C; c++) fields.push(shortestFloat32(predictions.probabilities[i * C + c]!));
    fields.push(csvField(table.personIds[i]!));
    for (let s = 0; s < SUMMARY_COUNT; s++)
      fields.push(String(table.summaries[i * SUMMARY_COUNT + s]));
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
    group: GROUP_COLUMN,
    monitored: [...SUMMARY_NAMES],
  };
}
