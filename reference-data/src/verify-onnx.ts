import * as ort from 'onnxruntime-node';
import { parseCsv } from '@driftwatch/core/drift/parse-csv';
import type { ModelCard } from '@driftwatch/core/contract/model-card';
import { PREDICTION_COLUMN, probabilityColumn } from './reference-files.js';

/** Largest tolerated |Δp| between onnxruntime and the table's probabilities. */
export const PROBABILITY_TOLERANCE = 1e-5;

export interface OnnxAgreement {
  rows: number;
  maxAbsDifference: number;
}

/**
 * Runs the ONNX model under onnxruntime on every row of a reference table and checks that it
 * reproduces the table's `prediction` exactly and its probabilities within 1e-5 (the table's
 * columns hold the TypeScript model's output). Throws naming the first disagreeing row.
 */
export async function verifyWithOnnxRuntime(
  onnx: Uint8Array,
  csv: string,
  card: ModelCard,
): Promise<OnnxAgreement> {
  const table = parseCsv(csv);
  const F = card.featureNames.length;
  const C = card.classLabels.length;
  const input = new Float32Array(table.rows.length * F);
  table.rows.forEach((row, i) => {
    card.featureNames.forEach((name, f) => {
      input[i * F + f] = Number(row[name]);
    });
  });
  const session = await ort.InferenceSession.create(onnx);
  try {
    const output = await session.run({
      [card.inputName]: new ort.Tensor('float32', input, [table.rows.length, F]),
    });
    const labels = output[card.outputs.label]!.data as string[];
    const probabilities = output[card.outputs.probabilities]!.data as Float32Array;
    let maxAbsDifference = 0;
    table.rows.forEach((row, i) => {
      if (labels[i] !== row[PREDICTION_COLUMN]) {
        throw new Error(
          `row ${i + 1}: onnxruntime predicts ${labels[i]}, the table says ${String(row[PREDICTION_COLUMN])}`,
        );
      }
      card.classLabels.forEach((label, c) => {
        const expected = Math.fround(Number(row[probabilityColumn(label)]));
        const diff = Math.abs(probabilities[i * C + c]! - expected);
        maxAbsDifference = Math.max(maxAbsDifference, diff);
      });
    });
    if (maxAbsDifference > PROBABILITY_TOLERANCE) {
      throw new Error(`onnxruntime probabilities differ by up to ${maxAbsDifference}`);
    }
    return { rows: table.rows.length, maxAbsDifference };
  } finally {
    await session.release();
  }
}
