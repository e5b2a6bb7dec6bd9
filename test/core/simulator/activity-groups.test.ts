import { describe, expect, it } from 'vitest';
import { profileOf } from '../../../core/src/simulator/activity-profiles.js';
import {
  ACTIVITY_GROUPS,
  ACTIVITY_NAMES,
  CLASS_LABELS,
  GROUP_NAMES,
  groupOf,
  TRANSITION,
} from '../../../core/src/simulator/index.js';
import { readFixture } from '../../helpers/fixtures.js';

const fixture = readFixture<Record<string, string[]>>('seed/activity-groupings.json');

describe('activity groups', () => {
  it('hold exactly the groups and activities of the original groupings file', () => {
    expect(Object.keys(ACTIVITY_GROUPS).sort()).toEqual(Object.keys(fixture).sort());
    for (const [group, activities] of Object.entries(fixture)) {
      expect([...ACTIVITY_GROUPS[group as keyof typeof ACTIVITY_GROUPS]]).toEqual(activities);
    }
  });

  it('orders the classes as the sorted groups followed by Transition', () => {
    expect(CLASS_LABELS).toHaveLength(12);
    expect(CLASS_LABELS.slice(0, 11)).toEqual(Object.keys(fixture).sort());
    expect(CLASS_LABELS[11]).toBe(TRANSITION);
    expect(GROUP_NAMES).toEqual(CLASS_LABELS.slice(0, 11));
  });

  it('maps every activity to its group and rejects unknown ones', () => {
    expect(ACTIVITY_NAMES).toHaveLength(Object.values(fixture).flat().length);
    for (const [group, activities] of Object.entries(fixture)) {
      for (const activity of activities) expect(groupOf(activity)).toBe(group);
    }
    expect(() => groupOf('Juggling')).toThrow(/groupOf requires a known activity/);
  });

  it('has a motion profile for every activity', () => {
    for (const activity of ACTIVITY_NAMES) expect(() => profileOf(activity)).not.toThrow();
    expect(() => profileOf('Juggling')).toThrow(/profileOf requires/);
  });
});
