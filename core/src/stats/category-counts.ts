import { compareCodePoints } from './code-point-order.js';

/** Occurrences of each category. O(n). */
export function countCategories(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Two count vectors over the same categories, in code-point order. */
export interface AlignedCounts {
  categories: string[];
  reference: Float64Array;
  current: Float64Array;
}

/**
 * Lines up two category counts over the categories with a positive count on either side,
 * sorted by code point (as Python sorts strings).
 *
 * O(k log k) for k categories. Throws on a negative or non-finite count.
 */
export function alignCategoryCounts(
  reference: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
): AlignedCounts {
  for (const count of [...reference.values(), ...current.values()]) {
    if (!(count >= 0 && Number.isFinite(count))) {
      throw new Error(`alignCategoryCounts requires finite non-negative counts, got ${count}`);
    }
  }
  const seen = new Set<string>();
  for (const [category, count] of [...reference, ...current]) if (count > 0) seen.add(category);
  const categories = [...seen].sort(compareCodePoints);
  return {
    categories,
    reference: Float64Array.from(categories, (c) => reference.get(c) ?? 0),
    current: Float64Array.from(categories, (c) => current.get(c) ?? 0),
  };
}
