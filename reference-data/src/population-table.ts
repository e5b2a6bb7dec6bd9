import { createFeaturizer, FEATURE_COUNT } from '../../prediction-service/src/features/index.js';
import { type PopulationOptions, simulatePopulation } from '../../sender/src/simulator/index.js';

/** Featurized windows of one simulated population, row-major. */
export interface PopulationTable {
  rows: number;
  /** The featurizer's float64 output, [rows × 65]. */
  features: Float64Array;
  labels: string[];
  personIds: string[];
}

/**
 * Simulates a population and featurizes every `keepEvery`-th window (default every one) with the
 * service's featurizer. Cost: O(windows · (151 + FFT)). Throws as simulatePopulation does.
 */
export function populationTable(options: PopulationOptions, keepEvery = 1): PopulationTable {
  const windows = simulatePopulation(options).filter((_, i) => i % keepEvery === 0);
  const featurizer = createFeaturizer();
  const features = new Float64Array(windows.length * FEATURE_COUNT);
  windows.forEach((window, i) => {
    featurizer.featurizeSignalsInto(window.signals, features, i * FEATURE_COUNT);
  });
  return {
    rows: windows.length,
    features,
    labels: windows.map((w) => w.label),
    personIds: windows.map((w) => w.personId),
  };
}
