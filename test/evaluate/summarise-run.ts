/**
 * A run's alert trackers and report timeline turned into its result: per alert the false
 * firings before the onset and the first firing after it; before the onset, how often each
 * decision was reached (what the alerts' `for:` durations then filter).
 */
import type { AlertTracker } from './alert-tracker.js';
import type {
  AlertOutcome,
  EstimateError,
  LowestEstimate,
  PValueSeries,
  ReportPoint,
  RunResult,
  RunSpec,
} from './run-spec.js';

export interface RunRecord {
  readonly events: number;
  readonly timeline: ReportPoint[];
  /** Per report, whether each alert's condition held (before `for:`). */
  readonly conditions: Record<string, boolean>[];
  readonly trackers: Record<string, AlertTracker>;
  readonly lastIndex: (t: number) => number;
  /** `driftwatch:drift_alert_pvalue`: the level the drift alerts page below. */
  readonly alertPValue: number;
}

const ALPHA = 0.05;

export function summariseRun(spec: RunSpec, record: RunRecord): RunResult {
  const onsetS = spec.onsetS ?? spec.durationS;
  const before = record.timeline
    .map((point, i) => ({ point, active: record.conditions[i]! }))
    .filter(({ point }) => point.t <= onsetS);
  const beforePoints = before.map((b) => b.point);
  const share = (count: number) => (before.length > 0 ? count / before.length : 0);
  const alerts: Record<string, AlertOutcome> = {};
  for (const [name, tracker] of Object.entries(record.trackers)) {
    alerts[name] = alertOutcome(tracker, spec, onsetS, record.lastIndex);
  }
  return {
    spec,
    events: record.events,
    reports: record.timeline.length,
    alerts,
    beforeOnset: {
      reports: before.length,
      datasetDrift: share(before.filter((b) => b.active.DatasetDriftDetected).length),
      predictionDrift: share(before.filter((b) => b.active.PredictionDriftDetected).length),
      labelChiSquareBelowAlpha: share(
        before.filter((b) => b.point.labelPValue !== null && b.point.labelPValue < ALPHA).length,
      ),
      meanDriftedFeatures:
        before.reduce((sum, b) => sum + b.point.driftedFeatures, 0) / Math.max(1, before.length),
      pValues: pValueSeries(beforePoints, record),
    },
    estimate: {
      beforeOnset: estimateError(beforePoints),
      afterOnset:
        spec.onsetS === null
          ? null
          : estimateError(record.timeline.filter((point) => point.t > onsetS + WINDOW_TURNOVER_S)),
      lowestBeforeOnset: lowestEstimate(beforePoints),
    },
    timeline: record.timeline,
  };
}

/**
 * Reports after the onset whose window may still hold pre-onset events are left out of the
 * post-onset estimate error: a generous bound on window turnover at the smallest fleet.
 */
const WINDOW_TURNOVER_S = 120;

/**
 * Median and 90th percentile of |estimated − realized accuracy| over the reports with both, and
 * the share of them whose realized accuracy was inside the estimate's band.
 */
export function estimateError(points: readonly ReportPoint[]): EstimateError | null {
  const both = points.filter((p) => p.estimatedAccuracy !== null && p.realizedAccuracy !== null);
  if (both.length === 0) return null;
  const errors = both
    .map((p) => Math.abs(p.estimatedAccuracy! - p.realizedAccuracy!))
    .sort((a, b) => a - b);
  const at = (q: number) => errors[Math.min(errors.length - 1, Math.floor(q * errors.length))]!;
  return {
    reports: errors.length,
    medianAbsError: at(0.5),
    p90AbsError: at(0.9),
    insideBand: both.filter((p) => p.realizedInsideBand === true).length / both.length,
  };
}

/** Which p-value each drift alert pages on. */
const PAGED_P_VALUES = {
  prediction: {
    alert: 'PredictionDriftDetected',
    value: (p: ReportPoint) => p.predictionDecisionPValue,
  },
  label: { alert: 'LabelDriftDetected', value: (p: ReportPoint) => p.labelDecisionPValue },
  featureFamily: { alert: 'FeatureDriftHigh', value: (p: ReportPoint) => p.familyPValue },
} as const;

function pValueSeries(points: readonly ReportPoint[], record: RunRecord) {
  const series = (key: keyof typeof PAGED_P_VALUES): PValueSeries => {
    const { alert, value } = PAGED_P_VALUES[key];
    const values = points.map(value);
    return {
      reportsBelowLevel: values.filter((v) => v !== null && v < record.alertPValue).length,
      lowestHeld: lowestHeld(points, value, record.trackers[alert]?.forSeconds ?? 0),
    };
  };
  return {
    prediction: series('prediction'),
    label: series('label'),
    featureFamily: series('featureFamily'),
  };
}

/**
 * The lowest value a series held for `forSeconds`: for every report, the highest value from it
 * to the first report at least `forSeconds` later (the span over which a rule with that `for:`
 * must see its condition hold), and the lowest of those. Spans with a missing value or running
 * past the last report are skipped; null when none is left. O(reports · span).
 */
export function lowestHeld(
  points: readonly ReportPoint[],
  value: (point: ReportPoint) => number | null,
  forSeconds: number,
): number | null {
  let lowest: number | null = null;
  for (let i = 0; i < points.length; i++) {
    let highest = Number.NEGATIVE_INFINITY;
    let j = i;
    for (; j < points.length; j++) {
      const v = value(points[j]!);
      if (v === null) break;
      highest = Math.max(highest, v);
      if (points[j]!.t - points[i]!.t >= forSeconds) break;
    }
    const complete = j < points.length && value(points[j]!) !== null;
    if (complete && (lowest === null || highest < lowest)) lowest = highest;
  }
  return lowest;
}

/** The lowest estimated accuracy, balanced accuracy and macro F1 over the reports with one. */
export function lowestEstimate(points: readonly ReportPoint[]): LowestEstimate | null {
  const lowest = (values: (number | null)[]) =>
    values.reduce<number>((low, v) => (v !== null && v < low ? v : low), Number.POSITIVE_INFINITY);
  const accuracy = lowest(points.map((p) => p.estimatedAccuracy));
  if (accuracy === Number.POSITIVE_INFINITY) return null;
  return {
    accuracy,
    balancedAccuracy: lowest(points.map((p) => p.estimatedBalancedAccuracy)),
    f1Macro: lowest(points.map((p) => p.estimatedMacroF1)),
  };
}

function alertOutcome(
  tracker: AlertTracker,
  spec: RunSpec,
  onsetS: number,
  lastIndex: (t: number) => number,
): AlertOutcome {
  const endOf = (endS: number | undefined) => endS ?? spec.durationS;
  const early = tracker.episodes.filter((e) => e.startS <= onsetS);
  const falseInstances = new Set(early.flatMap((e) => [...e.instances]));
  const after = spec.onsetS === null ? [] : tracker.episodes.filter((e) => endOf(e.endS) > onsetS);
  // An alert still firing from before the onset has not detected anything: it must start again.
  const first = after.find((e) => e.startS > onsetS);
  const firstS = first === undefined ? null : Math.max(first.startS, onsetS) - onsetS;
  const postSeconds = after.reduce((sum, e) => sum + endOf(e.endS) - Math.max(e.startS, onsetS), 0);
  const postSpan = spec.durationS - onsetS;
  return {
    falseFirings: early.length,
    falseFiringSeconds: early.reduce(
      (sum, e) => sum + Math.min(endOf(e.endS), onsetS) - e.startS,
      0,
    ),
    falseInstances: [...falseInstances].filter((i) => i !== '').sort(),
    firstFiringAfterOnsetS: firstS,
    firstFiringAfterOnsetEvents:
      firstS === null ? null : lastIndex(onsetS + firstS) - lastIndex(onsetS),
    postOnsetFiringShare: spec.onsetS === null || postSpan <= 0 ? null : postSeconds / postSpan,
  };
}
