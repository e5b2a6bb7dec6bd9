/**
 * Integer probability units for leaves. Each tree owns an integer share of PROBABILITY_UNITS and
 * each leaf apportions that share over its class counts, so a forest's class scores are exact
 * integers that sum to PROBABILITY_UNITS for every input row.
 */
import { PROBABILITY_UNITS } from './forest-types.js';

/**
 * Units owned by tree `treeIndex` of `treeCount`: PROBABILITY_UNITS split as evenly as integers
 * allow, the first (PROBABILITY_UNITS mod treeCount) trees holding one unit more.
 * Cost: O(1). Throws on an index outside 0..treeCount-1 or more trees than units.
 */
export function treeUnitBudget(treeIndex: number, treeCount: number): number {
  if (!Number.isInteger(treeCount) || treeCount < 1 || treeCount > PROBABILITY_UNITS) {
    throw new Error(`treeUnitBudget requires 1..${PROBABILITY_UNITS} trees, got ${treeCount}`);
  }
  if (!Number.isInteger(treeIndex) || treeIndex < 0 || treeIndex >= treeCount) {
    throw new Error(`treeUnitBudget requires a tree index in 0..${treeCount - 1}`);
  }
  const base = Math.floor(PROBABILITY_UNITS / treeCount);
  return base + (treeIndex < PROBABILITY_UNITS % treeCount ? 1 : 0);
}

/**
 * Splits `budget` integer units in proportion to non-negative integer `counts` by the largest
 * remainder (Hamilton) method; equal remainders favour the lower class index. The result sums to
 * `budget` exactly and differs from budget · count / total by less than one unit per class.
 * Cost: O(C log C). Throws when the counts sum to zero or are not integers.
 */
export function apportionUnits(counts: ArrayLike<number>, budget: number): Uint32Array {
  let total = 0;
  for (let c = 0; c < counts.length; c++) {
    const count = counts[c]!;
    if (!Number.isInteger(count) || count < 0) {
      throw new Error('apportionUnits requires non-negative integer counts');
    }
    total += count;
  }
  if (total === 0) throw new Error('apportionUnits requires a positive total count');
  const units = new Uint32Array(counts.length);
  const remainders: number[] = [];
  let assigned = 0;
  for (let c = 0; c < counts.length; c++) {
    // budget · count stays below 2^53, so the quotient and remainder are exact.
    const scaled = budget * counts[c]!;
    units[c] = Math.floor(scaled / total);
    remainders.push(scaled - units[c]! * total);
    assigned += units[c]!;
  }
  const order = remainders
    .map((_, c) => c)
    .sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (let k = 0; k < budget - assigned; k++) units[order[k]!]! += 1;
  return units;
}
