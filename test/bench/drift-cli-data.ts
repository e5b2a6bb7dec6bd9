/**
 * Seeded CSV files for the drift CLI bench, shaped like reference-data/reference.csv: the 65
 * synthetic features of drift-bench-data.ts, then `label` (a quarter empty), `prediction` and one
 * `proba_<class>` column per class. Numbers are written in JavaScript's shortest round-trip form,
 * as the reference builder writes them.
 */
import { writeFileSync } from 'node:fs';
import { CLASSES, FEATURES, type Sample, synthesise } from './drift-bench-data.js';

export const PROBABILITY_COLUMNS = CLASSES.map((name) => `proba_${name}`);

/** Writes `rows` seeded rows to `path`; `shift` as in synthesise (0: no drift). */
export function writeDriftCsv(
  path: string,
  rows: number,
  uniform: () => number,
  shift: number,
): void {
  const sample = synthesise(rows, uniform, shift);
  const header = [...FEATURES, 'label', 'prediction', ...PROBABILITY_COLUMNS];
  const lines = [header.map(csvField).join(',')];
  for (let r = 0; r < rows; r++) lines.push(csvRow(sample, r, uniform));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function csvRow(sample: Sample, row: number, uniform: () => number): string {
  const cells = sample.columns.map((column) => String(column[row]));
  const { prediction, target } = sample.table;
  cells.push(csvField(target![row] ?? ''), csvField(prediction![row]!));
  cells.push(...probabilities(sample.predictionCodes[row]!, uniform).map(String));
  return cells.join(',');
}

/** A probability vector that favours the predicted class, summing to 1. */
function probabilities(predicted: number, uniform: () => number): number[] {
  const weights = CLASSES.map((_, c) => uniform() + (c === predicted ? 2 : 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
