import type { ActivityProfile } from './motion-types.js';
import { EXERCISE_PROFILES } from './profiles-exercise.js';
import { OTHER_PROFILES } from './profiles-other.js';

const PROFILES = new Map<string, ActivityProfile>([
  ...Object.entries(EXERCISE_PROFILES),
  ...Object.entries(OTHER_PROFILES),
]);

/** The motion profile of a raw activity. Throws RangeError for an activity without one. */
export function profileOf(activity: string): ActivityProfile {
  const profile = PROFILES.get(activity);
  if (profile === undefined) {
    throw new RangeError(`profileOf requires an activity with a motion profile, got "${activity}"`);
  }
  return profile;
}
