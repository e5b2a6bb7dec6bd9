import { GROUP_NAMES, type GroupName } from './activity-groups.js';

/**
 * Weights over label groups for composing sessions, normalised to the share of session time each
 * group should take (a group left out takes none). The planner keeps every group near its share;
 * rests after exercise sets count as Non-exercise and junk bursts between blocks as Junk, and
 * each is added only while its group is below its share. Window shares differ somewhat from time
 * shares: short blocks (junk) lose more of their time to Transition windows.
 */
export type ClassMix = Partial<Record<GroupName, number>>;

/** A gym session as people do it: exercise dominates, with walks, machines, rests and junk. */
export const NATURAL_CLASS_MIX: ClassMix = {
  'Repetitive exercise': 0.3,
  'Right-hand repetitive exercise': 0.05,
  'Left-hand repetitive exercise': 0.05,
  'Repetitive non-arm exercise': 0.05,
  'Static exercise': 0.05,
  Machines: 0.08,
  Run: 0.04,
  Walk: 0.08,
  Stretching: 0.05,
  'Non-exercise': 0.2,
  Junk: 0.05,
};

/**
 * Oversamples the rarer groups so that each of the 12 classes, Transition included, gets roughly
 * 1/12 of the windows (about 5–11 % each at hop 75): Junk gets extra time because its blocks are
 * short, Machines and Run less because theirs are long.
 */
export const BALANCED_CLASS_MIX: ClassMix = {
  'Repetitive exercise': 0.18,
  'Right-hand repetitive exercise': 0.08,
  'Left-hand repetitive exercise': 0.08,
  'Repetitive non-arm exercise': 0.08,
  'Static exercise': 0.08,
  Machines: 0.03,
  Run: 0.04,
  Walk: 0.06,
  Stretching: 0.08,
  'Non-exercise': 0.06,
  Junk: 0.23,
};

/**
 * The mix as a weight per group in GROUP_NAMES order. Throws RangeError for a negative or
 * non-finite weight, an unknown group, or weights that are all zero. O(groups).
 */
export function mixWeights(mix: ClassMix): Float64Array {
  for (const key of Object.keys(mix)) {
    if (!GROUP_NAMES.includes(key as GroupName)) {
      throw new RangeError(`mixWeights requires known group names, got "${key}"`);
    }
  }
  const weights = Float64Array.from(GROUP_NAMES, (group) => mix[group] ?? 0);
  if (!weights.every((w) => Number.isFinite(w) && w >= 0)) {
    throw new RangeError('mixWeights requires non-negative finite weights');
  }
  if (!weights.some((w) => w > 0))
    throw new RangeError('mixWeights requires at least one positive weight');
  return weights;
}
