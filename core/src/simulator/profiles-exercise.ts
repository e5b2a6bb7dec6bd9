import type { OneArmProfile, PeriodicProfile, Range } from './motion-types.js';
import type { Vec3 } from './rotation.js';

type Extra = Partial<
  Pick<PeriodicProfile, 'lag' | 'bounceG' | 'surgeG' | 'impact' | 'bounceHarmonic'>
>;

function rep(tempoHz: Range, pose: Vec3, swing: Vec3, extra: Extra = {}): PeriodicProfile {
  return { kind: 'periodic', tempoHz, pose, swing, ...extra };
}

// Poses are (yaw, pitch, roll) of the right forearm in degrees: pitch 90 hangs down, 0 points
// forward, −90 points up; roll 90 with the arm hanging turns the back of the wrist outwards.
const HANG: Vec3 = [0, 85, 90];
const curl = rep([0.35, 0.6], [0, 25, 160], [5, 60, 15], { lag: [0.1, 0, 0.2] });
// The forearm stays near vertical while the whole arm rises: more translation than rotation.
const press = rep([0.3, 0.55], [0, -70, 90], [8, 15, 12], { lag: [0.25, 0, 0.1], bounceG: 0.15 });
const chestPress = rep([0.35, 0.6], [0, -75, 0], [15, 30, 15], {
  lag: [0.2, 0, 0.3],
  bounceG: 0.1,
});
const pushup = rep([0.4, 0.8], [0, 65, 90], [10, 28, 10], { lag: [0.3, 0, 0.2], bounceG: 0.1 });
const flyLying = rep([0.3, 0.5], [-90, -45, 0], [20, 45, 20], { lag: [0.25, 0, 0.1] });
const lateral = rep([0.35, 0.6], [-90, 50, 90], [10, 42, 15], { lag: [0.2, 0, 0.1] });
const frontFly = rep([0.35, 0.6], [0, 45, 90], [6, 45, 10], { lag: [0.2, 0, 0.3] });
const overhead = rep([0.35, 0.55], [180, -15, 90], [10, 70, 15], { lag: [0.3, 0, 0.2] });
const lyingTriceps = rep([0.35, 0.6], [180, -35, 90], [8, 55, 15], { lag: [0.3, 0, 0.2] });
const kickback = rep([0.4, 0.7], [180, 45, 90], [6, 45, 15], { lag: [0.3, 0, 0.2] });
const lawnmower = rep([0.35, 0.6], [0, 55, 90], [25, 40, 30], { lag: [0.2, 0, 0.1], bounceG: 0.1 });
const squat = rep([0.3, 0.55], HANG, [10, 25, 12], { lag: [0.3, 0, 0.2], bounceG: 0.2 });
const jump = { bounceG: 0.8, impact: 4 };

/** The right arm when it does not exercise: braced or resting, rocked by the body's tempo. */
function idle(tempoHz: Range, pose: Vec3, swingDeg: number, bounceG: number): PeriodicProfile {
  return rep(tempoHz, pose, [swingDeg * 0.6, swingDeg, swingDeg * 0.8], {
    lag: [0.3, 0, 0.15],
    bounceG,
  });
}
const bracedOnBench = idle([0.35, 0.6], [0, 88, 10], 3, 0.06);
const handOnKnee = idle([0.35, 0.6], [10, 45, 90], 5, 0.08);
const lyingRest = idle([0.35, 0.6], [80, 8, 10], 2, 0.03);

/** One-arm sets are done with a heavier dumbbell, so slower than the two-arm versions. */
function oneArm(arm: OneArmProfile['arm'], active: PeriodicProfile, rest: PeriodicProfile) {
  const heavy: PeriodicProfile = { ...active, tempoHz: [0.3, 0.45] };
  return { kind: 'oneArm', arm, active: heavy, idle: rest } as const satisfies OneArmProfile;
}
// Alternating lunges: one arm cycle spans two reps (left leg, right leg), each landing a step.
const lunge = rep([0.18, 0.3], HANG, [5, 10, 8], {
  lag: [0.3, 0, 0.2],
  bounceG: 0.25,
  impact: 2,
  bounceHarmonic: 2,
});
// Knee on bench, trunk horizontal: the forearm stays near vertical while the elbow lifts it, so
// the sensor mostly rises and falls, supinating a little.
const rowOneArm = rep([0.3, 0.5], [0, 88, 90], [8, 14, 25], { lag: [0.2, 0, 0.3], bounceG: 0.3 });

/** Motion profiles of the repetitive-exercise activities (arm, non-arm, one-arm). */
export const EXERCISE_PROFILES = {
  'Alternating Dumbbell Curl': { ...curl, tempoHz: [0.25, 0.4] },
  'Band Pull-Down Row': rep([0.35, 0.6], [0, -40, 90], [10, 45, 15], { lag: [0.2, 0, 0.3] }),
  'Bicep Curl': curl,
  'Biceps Curl (band)': { ...curl, tempoHz: [0.4, 0.7] },
  'Bird Dog': rep([0.25, 0.4], [0, 45, 90], [10, 45, 20], { lag: [0.3, 0, 0.2], bounceG: 0.05 }),
  'Box Jump (on bench)': rep([0.3, 0.5], [0, 60, 90], [10, 60, 15], jump),
  Burpee: rep([0.25, 0.38], [0, 30, 90], [20, 70, 30], { lag: [0.3, 0, 0.2], ...jump }),
  'Butterfly Sit-up': rep([0.3, 0.5], [0, 0, 90], [10, 50, 15], { lag: [0.25, 0, 0.1] }),
  'Chest Fly': flyLying,
  'Chest Press': chestPress,
  'Chest Press (rack)': { ...chestPress, pose: [0, -60, 90] },
  Crunch: rep([0.4, 0.7], [90, 20, 0], [5, 25, 15], { lag: [0.2, 0, 0.1] }),
  Curls: curl,
  Dip: rep([0.35, 0.6], [180, 80, 90], [10, 28, 12], { lag: [0.3, 0, 0.2], bounceG: 0.15 }),
  'Dumbbell Deadlift Row': rep([0.25, 0.45], [0, 80, 90], [10, 30, 15], {
    bounceG: 0.2,
    lag: [0.2, 0, 0.1],
  }),
  'Dumbbell Row (knee on bench) (label spans both arms)': oneArm(
    'either',
    rowOneArm,
    bracedOnBench,
  ),
  'Dumbbell Squat (hands at side)': squat,
  'Fast Alternating Punches': rep([0.8, 1.3], [0, 0, 90], [10, 25, 20], { surgeG: 1, impact: 2 }),
  'Jump Rope': rep([1.5, 2.1], [-20, 60, 90], [25, 15, 30], {
    lag: [0.25, 0, 0],
    bounceG: 1,
    impact: 5,
  }),
  'Jumping Jacks': rep([0.8, 1.05], [-90, 10, 90], [15, 80, 20], { lag: [0.1, 0, 0.2], ...jump }),
  'Kettlebell Swing': rep([0.6, 0.85], [0, 50, 90], [5, 65, 10], { bounceG: 0.3, impact: 2 }),
  'Lateral Raise': lateral,
  'Lawnmower (label spans both arms)': oneArm('either', lawnmower, handOnKnee),
  'Medicine Ball Slam': rep([0.35, 0.55], [0, 0, 90], [5, 80, 15], { bounceG: 0.6, impact: 4 }),
  'Overhead Triceps Extension': overhead,
  'Overhead Triceps Extension (label spans both arms)': oneArm('either', overhead, handOnKnee),
  'Pushup (knee or foot variation)': pushup,
  Pushups: pushup,
  'Russian Twist': rep([0.4, 0.7], [90, 30, 0], [45, 10, 30], { lag: [0, 0.25, 0.1] }),
  'Seated Back Fly': rep([0.35, 0.6], [-60, 60, 0], [30, 30, 15], { lag: [0, 0.1, 0.2] }),
  'Shoulder Press': press,
  'Shoulder Press (dumbbell)': press,
  'Sit-up (hands positioned behind head)': rep([0.3, 0.5], [180, -60, 90], [5, 35, 10], {}),
  'Sit-ups': rep([0.3, 0.5], [90, 20, 0], [10, 40, 10], { lag: [0.2, 0, 0.1] }),
  Situps: rep([0.3, 0.5], [90, 20, 0], [10, 40, 10], { lag: [0.2, 0, 0.1] }),
  Squat: squat,
  'Squat (arms in front of body, parallel to ground)': {
    ...squat,
    pose: [0, 0, 90],
    swing: [4, 8, 6],
  },
  'Squat (hands behind head)': { ...squat, pose: [180, -60, 90] },
  'Squat (kettlebell / goblet)': { ...squat, pose: [0, -60, 90] },
  'Squat Jump': rep([0.45, 0.75], [0, 60, 90], [10, 50, 15], jump),
  'Squat Rack Shoulder Press': press,
  Squats: squat,
  'Straight-Arm Front Fly': frontFly,
  'Straight-Arm Shoulder Fly': rep([0.35, 0.6], [-45, 10, 0], [45, 10, 15], { lag: [0, 0.2, 0.1] }),
  'Triceps Kickback (knee on bench) (label spans both arms)': oneArm(
    'either',
    kickback,
    bracedOnBench,
  ),
  'Triceps extension (lying down)': lyingTriceps,
  'Two-arm Dumbbell Curl (both arms, not alternating)': curl,
  'V-up': rep([0.25, 0.45], [0, -20, 90], [15, 60, 20], { lag: [0.2, 0, 0.1] }),
  'Wall Ball': rep([0.35, 0.55], [0, -40, 90], [10, 50, 15], { bounceG: 0.5, impact: 3 }),
  'Dumbbell Row (knee on bench) (left arm)': oneArm('left', rowOneArm, bracedOnBench),
  'Lawnmower (left arm)': oneArm('left', lawnmower, handOnKnee),
  'Triceps Kickback (knee on bench) (left arm)': oneArm('left', kickback, bracedOnBench),
  'Triceps extension (lying down) (left arm)': oneArm('left', lyingTriceps, lyingRest),
  'Dumbbell Row (knee on bench) (right arm)': oneArm('right', rowOneArm, bracedOnBench),
  'Lawnmower (right arm)': oneArm('right', lawnmower, handOnKnee),
  'Triceps Kickback (knee on bench) (right arm)': oneArm('right', kickback, bracedOnBench),
  'Triceps extension (lying down) (right arm)': oneArm('right', lyingTriceps, lyingRest),
  'Lunge (alternating both legs, weight optional)': lunge,
  Lunges: lunge,
  'Lunges with Curls': { ...curl, tempoHz: [0.3, 0.5], bounceG: 0.3, impact: 2 },
  'Walking lunge': { ...lunge, swing: [5, 16, 8], surgeG: 0.15 },
} as const satisfies Record<string, PeriodicProfile | OneArmProfile>;
