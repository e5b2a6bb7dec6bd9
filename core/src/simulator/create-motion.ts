import { profileOf } from './activity-profiles.js';
import { restMotion, staticMotion } from './motion-hold.js';
import { junkMotion } from './motion-junk.js';
import { gaitMotion, periodicMotion } from './motion-periodic.js';
import { stretchMotion } from './motion-stretch.js';
import type { Motion, MotionContext, OneArmProfile } from './motion-types.js';

/** Which forearm wears the sensor. */
export type SensorArm = 'right' | 'left';

/**
 * Whether the sensor arm does the work of a one-arm exercise: yes when the exercising arm is the
 * sensor arm, no for the other arm, and in about half the sets when the label spans both arms
 * (left-handed people tend to start with the left).
 */
function sensorArmWorks(p: OneArmProfile, ctx: MotionContext, arm: SensorArm): boolean {
  if (p.arm !== 'either') return p.arm === arm;
  const firstIsSensorArm = ctx.person.leftHanded === (arm === 'left');
  return ctx.rng.chance(firstIsSensorArm ? 0.6 : 0.4);
}

/**
 * The motion of the sensor-wearing forearm during one segment of `activity`. Motions are described
 * for the right arm; for the left (`arm = 'left'`) the one-arm exercises swap roles, and the
 * caller mirrors the resulting signals. Throws RangeError for an activity without a profile.
 */
export function createMotion(
  activity: string,
  ctx: MotionContext,
  arm: SensorArm = 'right',
): Motion {
  const profile = profileOf(activity);
  switch (profile.kind) {
    case 'periodic':
      return periodicMotion(profile, ctx);
    case 'gait':
      return gaitMotion(profile, ctx);
    case 'oneArm':
      return periodicMotion(sensorArmWorks(profile, ctx, arm) ? profile.active : profile.idle, ctx);
    case 'static':
      return staticMotion(profile, ctx);
    case 'rest':
      return restMotion(profile, ctx);
    case 'junk':
      return junkMotion(profile, ctx);
    case 'stretch':
      return stretchMotion(profile, ctx);
  }
}
