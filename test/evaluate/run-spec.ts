/** One simulated run of the evaluation, and what it reports. */

export interface RunSpec {
  /** Stable name, e.g. `none-200-s3` or `noise-20`. */
  readonly id: string;
  readonly scenario: string;
  readonly devices: number;
  readonly seed: number;
  /** Simulated seconds of traffic. */
  readonly durationS: number;
  /** Simulated second at which the scenario starts; null for `none`. */
  readonly onsetS: number | null;
  readonly labelDelayS: number;
}

/** One alert over one run. */
export interface AlertOutcome {
  /** Before the onset (the whole run for `none`): firing episodes and their total time. */
  readonly falseFirings: number;
  readonly falseFiringSeconds: number;
  /** Distinct instances (e.g. features) that fired before the onset. */
  readonly falseInstances: string[];
  /** After the onset: when the alert first fired, in simulated seconds and events since it. */
  readonly firstFiringAfterOnsetS: number | null;
  readonly firstFiringAfterOnsetEvents: number | null;
  /** Share of the simulated time after the onset during which the alert was firing. */
  readonly postOnsetFiringShare: number | null;
}

/** One report of the run: what a reader needs to see why alerts fired or not. */
export interface ReportPoint {
  readonly t: number;
  readonly driftedFeatures: number;
  readonly predictionPValue: number | null;
  readonly labelPValue: number | null;
  /** The p-values the decisions used (calibrated for the window's shape). */
  readonly predictionDecisionPValue: number | null;
  readonly labelDecisionPValue: number | null;
  /** The smallest decision p-value among the tested columns, and its column. */
  readonly minColumnDecisionPValue: number | null;
  readonly minColumn: string | null;
  /** The features' family-wise decision p-value, which FeatureDriftHigh reads. */
  readonly familyPValue: number | null;
  /** Accuracy over the labelled window. */
  readonly accuracy: number | null;
  /** Accuracy of the current window estimated from the probabilities, and its true value. */
  readonly estimatedAccuracy: number | null;
  readonly realizedAccuracy: number | null;
  /** Whether the true accuracy lies inside the estimate's 95 % band. */
  readonly realizedInsideBand: boolean | null;
  /** The estimate's balanced accuracy and macro F1 (the alert reads accuracy only). */
  readonly estimatedBalancedAccuracy: number | null;
  readonly estimatedMacroF1: number | null;
}

export interface RunResult {
  readonly spec: RunSpec;
  readonly events: number;
  readonly reports: number;
  readonly alerts: Record<string, AlertOutcome>;
  /** Shares of reports (before the onset) with each decision or condition. */
  readonly beforeOnset: {
    readonly reports: number;
    readonly datasetDrift: number;
    readonly predictionDrift: number;
    readonly labelChiSquareBelowAlpha: number;
    readonly meanDriftedFeatures: number;
    /** The decision p-values the drift alerts page on, against the paging level. */
    readonly pValues: {
      readonly prediction: PValueSeries;
      readonly label: PValueSeries;
      readonly featureFamily: PValueSeries;
    };
  };
  /**
   * The label-free accuracy estimate against the true accuracy of the same current window
   * (every simulated event has its truth): before the onset and once the window is all
   * post-onset traffic.
   */
  readonly estimate: {
    readonly beforeOnset: EstimateError | null;
    readonly afterOnset: EstimateError | null;
    /** The lowest estimates before the onset: how near drift-free traffic comes to the floor. */
    readonly lowestBeforeOnset: LowestEstimate | null;
  };
  readonly timeline: ReportPoint[];
}

/** One decision p-value series before the onset, against `driftwatch:drift_alert_pvalue`. */
export interface PValueSeries {
  /** Reports whose value was below the paging level. */
  readonly reportsBelowLevel: number;
  /**
   * The lowest value the series held for its alert's `for:` duration: the highest value over
   * each span of reports that long, then the lowest of those. The alert pages only when this is
   * below the level. Null without a full span of values.
   */
  readonly lowestHeld: number | null;
}

export interface EstimateError {
  readonly reports: number;
  readonly medianAbsError: number;
  readonly p90AbsError: number;
  /** Share of those reports whose true accuracy lies inside the estimate's 95 % band. */
  readonly insideBand: number;
}

export interface LowestEstimate {
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly f1Macro: number;
}
