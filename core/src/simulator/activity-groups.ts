/**
 * The label groups of the original project and the raw activities in each (the same content as
 * test/fixtures/seed/activity-groupings.json, which a test checks). The classifier predicts the
 * group; a window spanning more than one activity is labelled `Transition`.
 */
export const ACTIVITY_GROUPS = {
  Junk: [
    'Arm Band Adjustment',
    'Arm straight up',
    '<Initial Activity>',
    'Activities',
    'Invalid',
    'Note',
    'Tap IMU Device',
    'Tap Left Device',
    'Tap Right Device',
    'Unlisted Exercise',
  ],
  'Left-hand repetitive exercise': [
    'Dumbbell Row (knee on bench) (left arm)',
    'Lawnmower (left arm)',
    'Triceps Kickback (knee on bench) (left arm)',
    'Triceps extension (lying down) (left arm)',
  ],
  Machines: ['Elliptical machine', 'Rowing machine', 'Cycling'],
  'Non-exercise': ['Non-Exercise', 'Device on Table', 'Rest'],
  'Repetitive exercise': [
    'Alternating Dumbbell Curl',
    'Band Pull-Down Row',
    'Bicep Curl',
    'Biceps Curl (band)',
    'Bird Dog',
    'Box Jump (on bench)',
    'Burpee',
    'Butterfly Sit-up',
    'Chest Fly',
    'Chest Press',
    'Chest Press (rack)',
    'Crunch',
    'Curls',
    'Dip',
    'Dumbbell Deadlift Row',
    'Dumbbell Row (knee on bench) (label spans both arms)',
    'Dumbbell Squat (hands at side)',
    'Fast Alternating Punches',
    'Jump Rope',
    'Jumping Jacks',
    'Kettlebell Swing',
    'Lateral Raise',
    'Lawnmower (label spans both arms)',
    'Medicine Ball Slam',
    'Overhead Triceps Extension',
    'Overhead Triceps Extension (label spans both arms)',
    'Pushup (knee or foot variation)',
    'Pushups',
    'Russian Twist',
    'Seated Back Fly',
    'Shoulder Press',
    'Shoulder Press (dumbbell)',
    'Sit-up (hands positioned behind head)',
    'Sit-ups',
    'Situps',
    'Squat',
    'Squat (arms in front of body, parallel to ground)',
    'Squat (hands behind head)',
    'Squat (kettlebell / goblet)',
    'Squat Jump',
    'Squat Rack Shoulder Press',
    'Squats',
    'Straight-Arm Front Fly',
    'Straight-Arm Shoulder Fly',
    'Triceps Kickback (knee on bench) (label spans both arms)',
    'Triceps extension (lying down)',
    'Two-arm Dumbbell Curl (both arms, not alternating)',
    'V-up',
    'Wall Ball',
  ],
  'Repetitive non-arm exercise': [
    'Lunge (alternating both legs, weight optional)',
    'Lunges',
    'Lunges with Curls',
    'Walking lunge',
  ],
  'Right-hand repetitive exercise': [
    'Dumbbell Row (knee on bench) (right arm)',
    'Lawnmower (right arm)',
    'Triceps Kickback (knee on bench) (right arm)',
    'Triceps extension (lying down) (right arm)',
  ],
  Run: ['Running', 'Running (treadmill)'],
  'Static exercise': [
    'Plank',
    'Power Boat pose',
    'Side Plank Left side',
    'Side Plank Right side',
    'Wall Squat',
  ],
  Stretching: [
    'Dynamic Stretch (at your own pace)',
    'Repetitive Stretching',
    'Static Stretch (at your own pace)',
    'Static stretch',
  ],
  Walk: ['Walk', 'Walking'],
} as const satisfies Record<string, readonly string[]>;

export type GroupName = keyof typeof ACTIVITY_GROUPS;
export type ActivityName = (typeof ACTIVITY_GROUPS)[GroupName][number];

export const TRANSITION = 'Transition';

/** Label of a window: one of the 11 groups, or `Transition`. */
export type ClassLabel = GroupName | typeof TRANSITION;

/** The 11 group names in code-unit order (the order Python's `sorted` gives). */
export const GROUP_NAMES: readonly GroupName[] = (
  Object.keys(ACTIVITY_GROUPS) as GroupName[]
).sort();

/**
 * The 12 classes in one fixed order: the 11 groups sorted by code unit, then `Transition` last.
 * Tables of per-class counts, class weights and model outputs use this order.
 */
export const CLASS_LABELS: readonly ClassLabel[] = [...GROUP_NAMES, TRANSITION];

const GROUP_OF = new Map<string, GroupName>(
  GROUP_NAMES.flatMap((group) =>
    ACTIVITY_GROUPS[group].map((activity) => [activity, group] as const),
  ),
);

/** All raw activities, group by group in GROUP_NAMES order. */
export const ACTIVITY_NAMES: readonly ActivityName[] = [...GROUP_OF.keys()] as ActivityName[];

/** The group of a raw activity. Throws RangeError for an activity of no group. */
export function groupOf(activity: string): GroupName {
  const group = GROUP_OF.get(activity);
  if (group === undefined)
    throw new RangeError(`groupOf requires a known activity, got "${activity}"`);
  return group;
}
