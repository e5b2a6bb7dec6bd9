/**
 * How much the drift statistics of a window vary without any drift, learnt from the reference's
 * own groups (people, sessions): windows shaped like the current one (the same number of events
 * in the same number of groups) are drawn from whole reference groups and compared with the rest
 * of the reference, many times. Production windows are clustered (consecutive windows of one
 * person are alike), so a test that counts their rows as independent is far too confident;
 * measured this way, the spread includes what clustering adds.
 *
 * The reference groups are split in two halves by their order (even and odd); each resample draws
 * its window from one half and compares it with the other, so a window is never compared with
 * rows it contains. Groups (with replacement) and the start of each run are drawn uniformly at
 * random from hashes of the resample's and the group's numbers, so a calibration is a
 * deterministic function of its inputs. (Evenly spread picks would not do: a window that covers
 * the groups more evenly than a random one varies less, and the thresholds would be too low.)
 *
 * For each numerical column the result is an effective sample size: the size `en` for which the
 * Kolmogorov distribution of √en·D matches the resampled D at its median and at its 90th
 * percentile (the smaller of the two, to stay on the safe side). For each categorical column it
 * is an inflation factor of the chi-square statistic: the resampled 90th percentile over the
 * chi-square distribution's, at least 1. For classification quality (rows with a label and a
 * prediction) it is a floor: the 1st percentile of the resampled windows' accuracy, balanced
 * accuracy and macro F1, what a drift-free window of this shape stays above 99 % of the time.
 *
 * Cost O(B · C · (n + N/32)) for B resamples, C columns, n window events and N reference rows.
 */
import { sortFiniteInto } from '../stats/ks-sorted-copy.js';
import { ksStatisticSorted } from '../stats/ks-statistic.js';
import { linearQuantileSorted } from '../stats/linear-quantile-sorted.js';
import {
  chiSquareOf,
  countsOf,
  drawWindow,
  inflation,
  lowQuantile,
  qualityOf,
  sortedColumns,
} from './null-resampling.js';

/** The reference as calibration reads it: rows grouped, columns in row order. */
export interface NullSource {
  /** Row indices of each group, in table order (runs of consecutive windows of one person). */
  readonly groups: readonly Int32Array[];
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly prediction: readonly string[] | null;
  readonly target: readonly (string | null)[] | null;
  /**
   * A content key: sources with the same key give the same calibrations, which calibrators in one
   * process then share (null-calibrator.ts). Without one, nothing is shared.
   */
  readonly key?: string;
}

/** A window's shape: its number of events and of groups (devices) among them. */
export interface WindowShape {
  readonly events: number;
  readonly groups: number;
}

export interface NullCalibration {
  readonly shape: WindowShape;
  /** Effective sample size of each numerical column's KS statistic. */
  readonly effectiveSize: Readonly<Record<string, number>>;
  /** Chi-square inflation of the prediction and target columns (1: none measured). */
  readonly predictionInflation: number;
  readonly targetInflation: number;
  /** 1st percentile of each quality metric over the resampled windows; null without labels. */
  readonly qualityFloor: QualityFloor | null;
}

export interface QualityFloor {
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly f1Macro: number;
}

/** Quantiles of the Kolmogorov distribution (scipy.stats.kstwobign.ppf at 0.5 and 0.9). */
const KOLMOGOROV_MEDIAN = 0.8275735551899077;
const KOLMOGOROV_Q90 = 1.2238478702170825;
const KOLMOGOROV_Q95 = 1.3580986393225507;

export const DEFAULT_RESAMPLES = 200;

const TOO_LITTLE = 'calibrateNull requires two reference groups and a non-empty window';

export function calibrateNull(
  source: NullSource,
  shape: WindowShape,
  resamples = DEFAULT_RESAMPLES,
): NullCalibration {
  const steps = nullCalibrationSteps(source, shape, resamples);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same calibration one resample at a time: yields after each resample (the number done) and
 * returns the calibration, so that a caller can spread the work over several turns of the event
 * loop. Throws at the first step what calibrateNull throws.
 */
export function* nullCalibrationSteps(
  source: NullSource,
  shape: WindowShape,
  resamples = DEFAULT_RESAMPLES,
): Generator<number, NullCalibration, void> {
  if (shape.events < 1 || shape.groups < 1) {
    throw new RangeError(TOO_LITTLE);
  }
  const { halves, names, sortedHalves, halfCounts } = halvesOf(source);
  const statistics = names.map(() => new Float64Array(resamples));
  const chiSquares = {
    prediction: new Float64Array(resamples),
    target: new Float64Array(resamples),
  };
  const quality = {
    accuracy: [] as number[],
    balancedAccuracy: [] as number[],
    f1Macro: [] as number[],
  };
  const rows = new Int32Array(shape.events);
  const values = new Float64Array(shape.events);
  const scratch = new Float64Array(shape.events);
  for (let b = 0; b < resamples; b++) {
    const half = b % 2;
    drawWindow(halves[half]!, shape, b, rows);
    names.forEach((name, c) => {
      const column = source.columns[name]!;
      for (let i = 0; i < rows.length; i++) values[i] = column[rows[i]!]!;
      sortFiniteInto(values, scratch, 'calibrateNull', name);
      statistics[c]![b] = ksStatisticSorted(sortedHalves[1 - half]![c]!, scratch);
    });
    chiSquares.prediction[b] = chiSquareOf(
      source.prediction,
      halfCounts.prediction[1 - half]!,
      rows,
    );
    chiSquares.target[b] = chiSquareOf(source.target, halfCounts.target[1 - half]!, rows);
    const q = qualityOf(source, rows);
    if (q) {
      quality.accuracy.push(q.accuracy);
      quality.balancedAccuracy.push(q.balancedAccuracy);
      quality.f1Macro.push(q.macro.f1);
    }
    yield b + 1;
  }
  const effectiveSize: Record<string, number> = {};
  names.forEach((name, c) => {
    effectiveSize[name] = effectiveSizeOf(statistics[c]!);
  });
  return {
    shape,
    effectiveSize,
    predictionInflation: inflation(chiSquares.prediction, source.prediction),
    targetInflation: inflation(chiSquares.target, source.target),
    qualityFloor:
      quality.accuracy.length === 0
        ? null
        : {
            accuracy: lowQuantile(quality.accuracy),
            balancedAccuracy: lowQuantile(quality.balancedAccuracy),
            f1Macro: lowQuantile(quality.f1Macro),
          },
  };
}

/** What every calibration of one source starts from: its halves, their sorted columns and counts. */
interface Halves {
  readonly halves: readonly (readonly Int32Array[])[];
  readonly names: readonly string[];
  readonly sortedHalves: readonly Float64Array[][];
  readonly halfCounts: {
    readonly prediction: readonly ReadonlyMap<string, number>[];
    readonly target: readonly ReadonlyMap<string, number>[];
  };
}

/** Kept per source: each window shape is calibrated from the same halves (sources never change). */
const halvesBySource = new WeakMap<NullSource, Halves>();

function halvesOf(source: NullSource): Halves {
  const known = halvesBySource.get(source);
  if (known) return known;
  const halves = [0, 1].map((h) => source.groups.filter((_, g) => g % 2 === h));
  if (halves.some((h) => h.length === 0)) {
    throw new RangeError(TOO_LITTLE);
  }
  const names = Object.keys(source.columns);
  const rowsOf = (groups: readonly Int32Array[]) => groups.flatMap((g) => [...g]);
  const made: Halves = {
    halves,
    names,
    sortedHalves: halves.map((groups) => sortedColumns(source, groups, names)),
    halfCounts: {
      prediction: halves.map((groups) => countsOf(source.prediction, rowsOf(groups))),
      target: halves.map((groups) => countsOf(source.target, rowsOf(groups))),
    },
  };
  halvesBySource.set(source, made);
  return made;
}

/**
 * The size for which the Kolmogorov distribution of √size·D matches the resampled KS statistics
 * at their median, 90th and 95th percentile: the smallest of the three, at least 1.
 */
function effectiveSizeOf(statistics: Float64Array): number {
  const sorted = statistics.sort();
  const at = (q: number) => linearQuantileSorted(sorted, q);
  return Math.max(
    1,
    Math.min(
      (KOLMOGOROV_MEDIAN / at(0.5)) ** 2,
      (KOLMOGOROV_Q90 / at(0.9)) ** 2,
      (KOLMOGOROV_Q95 / at(0.95)) ** 2,
    ),
  );
}
