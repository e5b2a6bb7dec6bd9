import type { ScheduledScenario } from '../scenarios/scenario-schedule.js';
import type { DelayRange } from '../option-values/parse-duration.js';

export type LabelMode = 'delayed' | 'inline' | 'none';

/** A run as the command line describes it, every default filled in. */
export interface SenderOptions {
  readonly predictionUrl: string;
  readonly monitoringUrl: string;
  readonly dataset: string;
  readonly token: string | undefined;
  /** Concurrent simulated devices (1 for a replay). */
  readonly devices: number;
  /** Simulated seconds per wall-clock second. */
  readonly speed: number;
  /** Stop after this many windows… */
  readonly count: number | undefined;
  /** …or after this many wall-clock seconds; neither: until interrupted (or the replay ends). */
  readonly durationS: number | undefined;
  readonly batch: number;
  readonly seed: number;
  readonly scenarios: readonly ScheduledScenario[];
  readonly labels: LabelMode;
  readonly labelDelay: DelayRange;
  readonly labelFraction: number;
  readonly replay: string | undefined;
  readonly summaryJson: string | undefined;
  readonly maxFailureShare: number;
  readonly maxInFlight: number;
  readonly retries: number;
  readonly timeoutMs: number;
  /** How often the monitoring report is polled, wall-clock seconds (0: never). */
  readonly pollIntervalS: number;
}

/** Library defaults; the CLI also takes URLs and the token from the environment. */
export const DEFAULT_OPTIONS: SenderOptions = Object.freeze({
  predictionUrl: 'http://localhost:9696',
  monitoringUrl: 'http://localhost:8085',
  dataset: 'exercise_group',
  token: undefined,
  devices: 20,
  speed: 1,
  count: undefined,
  durationS: undefined,
  batch: 1,
  seed: 1,
  scenarios: [],
  labels: 'delayed',
  labelDelay: { minS: 30, maxS: 30 },
  labelFraction: 1,
  replay: undefined,
  summaryJson: undefined,
  maxFailureShare: 0.05,
  maxInFlight: 16,
  retries: 5,
  timeoutMs: 10_000,
  pollIntervalS: 5,
});

/** Windows per wall-clock second a run sends: every device completes one window per 3.02 s. */
export function windowsPerSecond(o: Pick<SenderOptions, 'devices' | 'speed'>): number {
  return (o.devices * o.speed * 50) / 151;
}
