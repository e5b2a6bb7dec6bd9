/**
 * `npm run evaluate:estimate`: how close the label-free accuracy estimate comes to the realized
 * accuracy on windows of the shipped reference table, and how often the realized value falls in
 * the estimate's 95 % band. Seeded; prints one JSON document (the monitoring service's README,
 * "Label-free quality estimate", quotes it). Takes a few seconds.
 *
 * - `whole`: the estimate of the whole table with the calibration fitted on it, against two
 *   simpler ways to read the maps: the one-against-the-rest value of the predicted class alone,
 *   and that value after normalising each row's one-against-the-rest values to sum to 1 (as
 *   scikit-learn's CalibratedClassifierCV does).
 * - `random`: windows of rows drawn at random, calibration fitted on the whole table (in-sample).
 * - `contiguous`: windows of consecutive rows, in-sample: the reference keeps runs of
 *   back-to-back windows per person, so these hold a few windows of each of fewer people, as a
 *   production window does.
 * - `heldOut`: calibration fitted on the even rows, random windows of the odd rows.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DriftTable } from '../../core/src/drift/engine-api.js';
import { estimateClassification } from '../../core/src/drift/estimate-quality.js';
import { parseCsv } from '../../core/src/drift/parse-csv.js';
import { fitReferenceCalibration } from '../../core/src/drift/reference-calibration.js';
import { tableFromRecords } from '../../core/src/drift/table-from-records.js';
import { createRng, type Rng } from '../../core/src/random/prng.js';
import { calibrateAroundPrediction } from '../../core/src/stats/calibrate-around-prediction.js';
import { classificationMetrics } from '../../core/src/stats/classification-metrics.js';
import type {
  ProbabilityCalibration,
  ProbabilityRow,
} from '../../core/src/stats/isotonic-calibration.js';
import { isotonicPredict } from '../../core/src/stats/isotonic-predict.js';
import { loadReferenceSchema } from '../../monitoring-service/src/datasets/reference-schema.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20_261_206;
const WINDOWS = 200;
const WINDOW_ROWS = 500;

interface Rows {
  probabilities: ProbabilityRow[];
  truth: string[];
  predicted: string[];
}

/** The shipped reference table, read as the monitoring service reads it (every row labelled). */
async function readReference(): Promise<DriftTable> {
  const schema = await loadReferenceSchema(join(repoRoot, 'reference-data/reference.schema.json'));
  const csv = readFileSync(join(repoRoot, 'reference-data/reference.csv'), 'utf8');
  return tableFromRecords(parseCsv(csv), {
    features: [],
    target: schema.target ?? null,
    prediction: schema.prediction,
    probabilities: schema.probabilities,
  });
}

/** The labelled table's rows `at` (all of them by default). */
function pick(table: DriftTable, at?: readonly number[]): Rows {
  const rows = at ?? Array.from({ length: table.rowCount }, (_, i) => i);
  return {
    probabilities: rows.map((i) => table.probabilities![i]!),
    truth: rows.map((i) => table.target![i]!),
    predicted: rows.map((i) => table.prediction![i]!),
  };
}

/** The calibration the monitoring service would fit on the table's rows `at`. */
function calibrationOn(table: DriftTable, at: readonly number[]): ProbabilityCalibration {
  const { probabilities, truth, predicted } = pick(table, at);
  const part = { rowCount: at.length, features: {}, target: truth, prediction: predicted };
  return fitReferenceCalibration({ ...part, probabilities })!;
}

const realizedAccuracy = (rows: Rows) => classificationMetrics(rows.truth, rows.predicted).accuracy;

/** `count` distinct indices of [0, n), in drawing order (partial Fisher–Yates). */
function sampleIndices(n: number, count: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}

interface WindowErrors {
  windows: number;
  rowsPerWindow: number;
  medianAbsError: number;
  maxAbsError: number;
  /** Share of windows whose realized accuracy lies inside the estimate's 95 % band. */
  insideBand: number;
}

function windowErrors(calibration: ProbabilityCalibration, windows: readonly Rows[]): WindowErrors {
  const errors: number[] = [];
  let inside = 0;
  for (const rows of windows) {
    const estimate = estimateClassification(calibration, rows.probabilities, rows.predicted);
    const realized = realizedAccuracy(rows);
    errors.push(Math.abs(estimate.accuracy - realized));
    const band = estimate.band.accuracy;
    if (realized >= band.lower && realized <= band.upper) inside++;
  }
  errors.sort((a, b) => a - b);
  const mid = errors.length >> 1;
  return {
    windows: windows.length,
    rowsPerWindow: windows[0]?.truth.length ?? 0,
    medianAbsError: errors.length % 2 ? errors[mid]! : (errors[mid - 1]! + errors[mid]!) / 2,
    maxAbsError: errors[errors.length - 1]!,
    insideBand: inside / windows.length,
  };
}

/**
 * Mean calibrated probability of the predicted class from the one-against-the-rest maps alone:
 * raw, or with each row's values normalised to sum to 1 (calibrateAroundPrediction with no
 * predicted class shares the whole row in proportion to them).
 */
function oneMapAccuracy(calibration: ProbabilityCalibration, rows: Rows, normalise: boolean) {
  let sum = 0;
  rows.probabilities.forEach((row, i) => {
    const k = calibration.classes.indexOf(rows.predicted[i]!);
    if (k === -1) return;
    sum += normalise
      ? calibrateAroundPrediction(calibration, row, -1)[k]!
      : Math.min(
          1,
          Math.max(0, isotonicPredict(calibration.fits[k]!, row[calibration.classes[k]!]!)),
        );
  });
  return sum / rows.truth.length;
}

async function main(): Promise<void> {
  const table = await readReference();
  const reference = pick(table);
  const n = table.rowCount;
  const calibration = fitReferenceCalibration(table)!;
  const rng = createRng(SEED);
  const windows = (draw: () => number[]) =>
    Array.from({ length: WINDOWS }, () => pick(table, draw()));

  const random = windows(() => sampleIndices(n, WINDOW_ROWS, rng));
  const contiguous = windows(() => {
    const start = rng.int(n - WINDOW_ROWS + 1);
    return Array.from({ length: WINDOW_ROWS }, (_, i) => start + i);
  });
  const even = Array.from({ length: Math.ceil(n / 2) }, (_, i) => 2 * i);
  const odd = Array.from({ length: Math.floor(n / 2) }, (_, i) => 2 * i + 1);
  const evenCalibration = calibrationOn(table, even);
  const heldOut = windows(() => sampleIndices(odd.length, WINDOW_ROWS, rng).map((i) => odd[i]!));

  const document = {
    measurement: 'driftwatch-estimate-on-reference',
    seed: SEED,
    referenceRows: n,
    whole: {
      realizedAccuracy: realizedAccuracy(reference),
      estimatedAccuracy: estimateClassification(
        calibration,
        reference.probabilities,
        reference.predicted,
      ).accuracy,
      oneAgainstRestOnly: oneMapAccuracy(calibration, reference, false),
      oneAgainstRestNormalised: oneMapAccuracy(calibration, reference, true),
    },
    random: windowErrors(calibration, random),
    contiguous: windowErrors(calibration, contiguous),
    heldOut: windowErrors(evenCalibration, heldOut),
  };
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

await main();
