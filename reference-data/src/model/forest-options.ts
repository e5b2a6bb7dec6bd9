/** Resolution and validation of ForestOptions. */
import { DEFAULT_FOREST_OPTIONS, PROBABILITY_UNITS } from './forest-types.js';
import type { ForestOptions } from './forest-types.js';

function requireInteger(name: keyof ForestOptions, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`trainForest requires options.${name} to be an integer in ${min}..${max}`);
  }
}

/**
 * Fills in defaults, turns maxFeatures 0 into floor(sqrt(featureCount)) and checks every field.
 * Cost: O(1). Throws naming the first option out of range.
 */
export function resolveForestOptions(
  options: Partial<ForestOptions>,
  featureCount: number,
): ForestOptions {
  const resolved: ForestOptions = { ...DEFAULT_FOREST_OPTIONS, ...options };
  requireInteger('trees', resolved.trees, 1, PROBABILITY_UNITS);
  requireInteger('maxDepth', resolved.maxDepth, 0, 1000);
  requireInteger('minSamplesLeaf', resolved.minSamplesLeaf, 1, Number.MAX_SAFE_INTEGER);
  requireInteger('minSamplesSplit', resolved.minSamplesSplit, 2, Number.MAX_SAFE_INTEGER);
  requireInteger('maxFeatures', resolved.maxFeatures, 0, featureCount);
  requireInteger('maxBins', resolved.maxBins, 2, 256);
  requireInteger('seed', resolved.seed, -(2 ** 31), 2 ** 32 - 1);
  if (typeof resolved.bootstrap !== 'boolean') {
    throw new Error('trainForest requires options.bootstrap to be a boolean');
  }
  if (resolved.maxFeatures === 0) {
    resolved.maxFeatures = Math.max(1, Math.floor(Math.sqrt(featureCount)));
  }
  return resolved;
}

/**
 * The options as the model card's flat hyperparameter record (booleans as "true"/"false").
 * Cost: O(1).
 */
export function forestHyperparameters(options: ForestOptions): Record<string, number | string> {
  return Object.fromEntries(
    Object.entries(options).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? String(value) : value,
    ]),
  );
}
