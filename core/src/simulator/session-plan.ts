import { ACTIVITY_GROUPS, GROUP_NAMES, type GroupName, groupOf } from './activity-groups.js';
import { ACTIVITY_POPULARITY } from './activity-popularity.js';
import { type ClassMix, mixWeights } from './class-mix.js';
import type { Range } from './motion-types.js';
import type { Rng } from '../random/prng.js';

/** One activity for a stretch of time. */
export interface PlannedSegment {
  readonly activity: string;
  readonly durationS: number;
}

const BLOCK_S: Record<GroupName, Range> = {
  Junk: [3, 12],
  'Left-hand repetitive exercise': [20, 60],
  Machines: [45, 150],
  'Non-exercise': [10, 60],
  'Repetitive exercise': [20, 60],
  'Repetitive non-arm exercise': [20, 60],
  'Right-hand repetitive exercise': [20, 60],
  Run: [30, 120],
  'Static exercise': [20, 60],
  Stretching: [20, 60],
  Walk: [20, 90],
};

/** Junk that lasts longer than a tap: a recording's start, an exercise nobody listed. */
const LONG_JUNK_S: Record<string, Range> = {
  '<Initial Activity>': [8, 25],
  'Unlisted Exercise': [15, 40],
};

const SETS = new Set<GroupName>([
  'Left-hand repetitive exercise',
  'Repetitive exercise',
  'Repetitive non-arm exercise',
  'Right-hand repetitive exercise',
  'Static exercise',
]);

const BURSTS = ['Tap IMU Device', 'Tap Left Device', 'Tap Right Device', 'Arm Band Adjustment'];

/** The next block's group: drawn in proportion to how far each group lags behind its share. */
function pickGroup(
  rng: Rng,
  shares: Float64Array,
  spentS: Float64Array,
  plannedS: number,
): GroupName {
  const lag = shares.map((share, g) =>
    share > 0 ? Math.max(0, share * (plannedS + 60) - spentS[g]!) + 1e-3 * share : 0,
  );
  let x = rng.uniform(
    0,
    lag.reduce((a, b) => a + b, 0),
  );
  for (let g = 0; g < lag.length; g++) {
    x -= lag[g]!;
    if (x < 0 && lag[g]! > 0) return GROUP_NAMES[g]!;
  }
  return GROUP_NAMES[lag.findLastIndex((w) => w > 0)]!;
}

function pickActivity(rng: Rng, group: GroupName): string {
  const activities = ACTIVITY_GROUPS[group];
  const weights = activities.map((a) => ACTIVITY_POPULARITY[a] ?? 1);
  let x = rng.uniform(
    0,
    weights.reduce((a, b) => a + b, 0),
  );
  for (let i = 0; i < activities.length; i++) {
    x -= weights[i]!;
    if (x < 0) return activities[i]!;
  }
  return activities[activities.length - 1]!;
}

function block(rng: Rng, group: GroupName): PlannedSegment {
  const activity = pickActivity(rng, group);
  const [lo, hi] = LONG_JUNK_S[activity] ?? BLOCK_S[group];
  return { activity, durationS: rng.uniform(lo, hi) };
}

/**
 * A session of `durationS` seconds whose time is shared among groups as the class mix says
 * (weights normalised to shares): each next block is of a group drawn in proportion to how far
 * that group lags behind its share, with block lengths typical of the group (exercise sets
 * 20–60 s, machines 1–3 min, walks 20–90 s, junk 3–12 s). After an exercise set usually comes a
 * rest of 15–45 s, between blocks sometimes a junk burst of 2–6 s (taps, strap), each only while
 * its group is below its share. Two consecutive blocks of one activity merge into one. The last
 * segment is cut so that durations sum to `durationS`. Throws RangeError for a duration below
 * 1 s or a bad mix (see mixWeights). O(segments · groups).
 */
export function planSession(rng: Rng, durationS: number, mix: ClassMix): PlannedSegment[] {
  if (!(durationS >= 1))
    throw new RangeError(`planSession requires durationS ≥ 1, got ${durationS}`);
  const weights = mixWeights(mix);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => w / total);
  const spentS = new Float64Array(shares.length);
  const plan: PlannedSegment[] = [];
  let planned = 0;
  const below = (group: GroupName): boolean => {
    const g = GROUP_NAMES.indexOf(group);
    return spentS[g]! < shares[g]! * planned;
  };
  const add = (segment: PlannedSegment): void => {
    const last = plan[plan.length - 1];
    if (last?.activity === segment.activity) {
      plan[plan.length - 1] = { ...last, durationS: last.durationS + segment.durationS };
    } else plan.push(segment);
    spentS[GROUP_NAMES.indexOf(groupOf(segment.activity))]! += segment.durationS;
    planned += segment.durationS;
  };
  while (planned < durationS) {
    const group = pickGroup(rng, shares, spentS, planned);
    add(block(rng, group));
    if (SETS.has(group) && below('Non-exercise') && rng.chance(0.8)) {
      add({ activity: 'Rest', durationS: rng.uniform(15, 45) });
    }
    if (below('Junk') && rng.chance(0.4))
      add({ activity: rng.pick(BURSTS), durationS: rng.uniform(2, 6) });
  }
  return trimmed(plan, durationS);
}

function trimmed(plan: PlannedSegment[], durationS: number): PlannedSegment[] {
  let excess = plan.reduce((sum, s) => sum + s.durationS, 0) - durationS;
  // Drop whole segments while the cut would leave a sliver under 1 s, then cut or pad the last.
  while (plan.length > 1 && plan[plan.length - 1]!.durationS - excess < 1) {
    excess -= plan.pop()!.durationS;
  }
  const last = plan.pop()!;
  plan.push({ ...last, durationS: last.durationS - excess });
  return plan;
}
