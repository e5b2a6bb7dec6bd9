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
import { estimateClassification } from '../../core/src/drift/estimate-quality.js';
import { parseCsv } from '../../core/src/drift/parse-csv.js';
import { createRng, type Rng } from '../../core/src/random/prng.js';
import {
  fitIsotonicCalibration,
  type ProbabilityCalibration,
  type ProbabilityRow,
} from '../../core/src/stats/isotonic-calibration.js';
import { isotonicPredict } from '../../core/src/stats/isotonic-predict.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20_261_206;
const WINDOWS = 200;
const WINDOW_ROWS = 500;

interface Rows {
  probabilities: ProbabilityRow[];
  truth: string[];
  predicted: string[];
}

function readReference(): Rows & { classes: string[] } {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'reference-data/reference.schema.json'), 'utf8'),
  ) as { target: string; prediction: string; probabilities: Record<string, string> };
  const { rows } = parseCsv(readFileSync(join(repoRoot, 'reference-data/reference.csv'), 'utf8'));
  const classes = Object.keys(schema.probabilities).sort();
  return {
    classes,
    probabilities: rows.map((row) =>
      Object.fromEntries(classes.map((c) => [c, Number(row[schema.probabilities[c]!])])),
    ),
    truth: rows.map((row) => String(row[schema.target])),
    predicted: rows.map((row) => String(row[schema.prediction])),
  };
}

const pick = (rows: Rows, at: readonly number[]): Rows => ({
  probabilities: at.map((i) => rows.probabilities[i]!),
  truth: at.map((i) => rows.truth[i]!),
  predicted: at.map((i) => rows.predicted[i]!),
});

const realizedAccuracy = (rows: Rows) =>
  rows.truth.filter((label, i) => label === rows.predicted[i]).length / rows.truth.length;

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

/** Mean one-against-the-rest calibrated probability of the predicted class, raw or normalised. */
function oneMapAccuracy(calibration: ProbabilityCalibration, rows: Rows, normalise: boolean) {
  let sum = 0;
  rows.probabilities.forEach((row, i) => {
    const values = calibration.classes.map((c, k) =>
      Math.min(1, Math.max(0, isotonicPredict(calibration.fits[k]!, row[c]!))),
    );
    const own = values[calibration.classes.indexOf(rows.predicted[i]!)] ?? 0;
    const total = values.reduce((a, b) => a + b, 0);
    sum += normalise ? (total > 0 ? own / total : 1 / values.length) : own;
  });
  return sum / rows.truth.length;
}

const calibrateOn = (classes: readonly string[], rows: Rows) =>
  fitIsotonicCalibration(classes, rows.probabilities, rows.truth, rows.predicted);

function main(): void {
  const reference = readReference();
  const n = reference.truth.length;
  const calibration = calibrateOn(reference.classes, reference);
  const rng = createRng(SEED);
  const windows = (draw: () => number[]) =>
    Array.from({ length: WINDOWS }, () => pick(reference, draw()));

  const random = windows(() => sampleIndices(n, WINDOW_ROWS, rng));
  const contiguous = windows(() => {
    const start = rng.int(n - WINDOW_ROWS + 1);
    return Array.from({ length: WINDOW_ROWS }, (_, i) => start + i);
  });
  const even = Array.from({ length: Math.ceil(n / 2) }, (_, i) => 2 * i);
  const odd = Array.from({ length: Math.floor(n / 2) }, (_, i) => 2 * i + 1);
  const evenCalibration = calibrateOn(reference.classes, pick(reference, even));
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

main();
