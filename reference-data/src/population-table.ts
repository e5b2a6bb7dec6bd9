import {
  createFeaturizer,
  FEATURE_COUNT,
  SUMMARY_COUNT,
  summarizeSignalsInto,
} from '@driftwatch/core/features/index';
import {
  type PopulationOptions,
  type PopulationWindow,
  simulatePopulation,
} from '@driftwatch/core/simulator/index';

/** Featurized windows of one simulated population, row-major. */
export interface PopulationTable {
  rows: number;
  /** The featurizer's float64 output, [rows × 65]. */
  features: Float64Array;
  /** The raw-signal summaries, [rows × 12] (SUMMARY_NAMES order). */
  summaries: Float64Array;
  labels: string[];
  personIds: string[];
}

/** Which windows of a population a table keeps. */
export interface KeepOptions {
  /** Every `keepEvery`-th window (default every one)… */
  keepEvery?: number;
  /**
   * …or, per person, a run of this many consecutive windows: windows as production sees them,
   * several back-to-back windows of each person. Person k's run starts at window
   * (k mod runs)·runPerPerson of its session, where `runs` runs fill a session, so every stage of
   * a session (its start and end too) is kept equally often, as in production traffic.
   */
  runPerPerson?: number;
}

/**
 * Simulates a population and featurizes the windows it keeps with the service's featurizer,
 * with their raw-signal summaries. Cost: O(windows · (151 + FFT)). Throws as simulatePopulation
 * does.
 */
export function populationTable(
  options: PopulationOptions,
  keep: KeepOptions = {},
): PopulationTable {
  const windows = keptWindows(simulatePopulation(options), keep);
  const featurizer = createFeaturizer();
  const features = new Float64Array(windows.length * FEATURE_COUNT);
  const summaries = new Float64Array(windows.length * SUMMARY_COUNT);
  windows.forEach((window, i) => {
    featurizer.featurizeSignalsInto(window.signals, features, i * FEATURE_COUNT);
    summarizeSignalsInto(window.signals, summaries, i * SUMMARY_COUNT);
  });
  return {
    rows: windows.length,
    features,
    summaries,
    labels: windows.map((w) => w.label),
    personIds: windows.map((w) => w.personId),
  };
}

function keptWindows(
  windows: PopulationWindow[],
  { keepEvery = 1, runPerPerson }: KeepOptions,
): PopulationWindow[] {
  if (runPerPerson === undefined) return windows.filter((_, i) => i % keepEvery === 0);
  const byPerson = new Map<string, PopulationWindow[]>();
  for (const w of windows) {
    const own = byPerson.get(w.personId);
    if (own) own.push(w);
    else byPerson.set(w.personId, [w]);
  }
  return [...byPerson.values()].flatMap((own, k) => {
    const runs = Math.max(1, Math.floor(own.length / runPerPerson));
    const start = (k % runs) * runPerPerson;
    return own.slice(start, start + runPerPerson);
  });
}
