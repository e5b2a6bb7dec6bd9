import type {
  GaitProfile,
  JunkProfile,
  PeriodicProfile,
  RestProfile,
  StaticProfile,
  StretchProfile,
} from './motion-types.js';
import type { Vec3 } from './rotation.js';

const walk: GaitProfile = {
  kind: 'gait',
  pace: 'walk',
  pose: [0, 82, 90],
  swing: [5, 20, 8],
  bounceG: 0.3,
  surgeG: 0.1,
  impact: 2,
};
// Running: elbow bent about 90°, forearm roughly horizontal, thumb up.
const run: GaitProfile = {
  kind: 'gait',
  pace: 'run',
  pose: [-15, 15, 90],
  swing: [8, 16, 8],
  bounceG: 2.2,
  surgeG: 0.3,
  impact: 3,
};

function hold(pose: Vec3, swayDeg: number, load: number): StaticProfile {
  return { kind: 'static', pose, swayDeg, load };
}

type MachineBody = Pick<
  PeriodicProfile,
  'bounceG' | 'surgeG' | 'impact' | 'bounceHarmonic' | 'vibrationG'
>;

function machine(
  tempoHz: readonly [number, number],
  pose: Vec3,
  swing: Vec3,
  body: MachineBody,
): PeriodicProfile {
  return { kind: 'periodic', tempoHz, pose, swing, lag: [0.25, 0, 0.15], paced: true, ...body };
}

const junk = (style: JunkProfile['style']): JunkProfile => ({ kind: 'junk', style });
const rest = (lo: number, hi: number): RestProfile => ({
  kind: 'rest',
  gesturesPerMinute: [lo, hi],
});
const stretch = (dynamic: boolean): StretchProfile => ({ kind: 'stretch', dynamic });

/** Motion profiles of gait, holds, machines, rest, junk and stretching activities. */
export const OTHER_PROFILES = {
  Walk: walk,
  Walking: walk,
  Running: run,
  'Running (treadmill)': { ...run, surgeG: 0.2 },
  Plank: hold([-20, 0, 60], 1.5, 2),
  'Power Boat pose': hold([0, -5, 90], 2.5, 1.8),
  'Side Plank Left side': hold([0, 45, 170], 2.5, 1.4),
  'Side Plank Right side': hold([90, 0, 80], 1.5, 2),
  'Wall Squat': hold([0, 55, 90], 1.5, 1.6),
  'Elliptical machine': machine([0.8, 1.05], [0, 35, 90], [6, 18, 8], {
    bounceG: 0.12,
    surgeG: 0.08,
    impact: 1,
    bounceHarmonic: 2,
    vibrationG: 0.01,
  }),
  'Rowing machine': machine([0.4, 0.55], [0, 5, 10], [10, 28, 10], {
    bounceG: 0.05,
    surgeG: 0.4,
    impact: 3,
    bounceHarmonic: 1,
    vibrationG: 0.015,
  }),
  Cycling: machine([1.2, 1.6], [0, 25, 45], [2, 4, 3], {
    bounceG: 0.06,
    surgeG: 0.02,
    impact: 0,
    bounceHarmonic: 2,
    vibrationG: 0.03,
  }),
  'Non-Exercise': rest(1, 4),
  Rest: rest(0.5, 3),
  'Device on Table': { kind: 'rest', gesturesPerMinute: [0, 0], table: true },
  'Arm Band Adjustment': junk('strap'),
  'Arm straight up': junk('raise'),
  '<Initial Activity>': junk('random'),
  Activities: junk('random'),
  Invalid: junk('random'),
  Note: junk('random'),
  'Tap IMU Device': junk('tap'),
  'Tap Left Device': junk('tapOther'),
  'Tap Right Device': junk('tap'),
  'Unlisted Exercise': junk('unlisted'),
  'Dynamic Stretch (at your own pace)': stretch(true),
  'Repetitive Stretching': stretch(true),
  'Static Stretch (at your own pace)': stretch(false),
  'Static stretch': stretch(false),
} as const;
