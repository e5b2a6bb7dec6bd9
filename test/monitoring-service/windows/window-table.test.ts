import { describe, expect, it } from 'vitest';
import type { ReferenceProfile } from '../../../core/src/drift/engine-api.js';
import type { StoredEvent } from '../../../monitoring-service/src/store/store.js';
import {
  profileForTable,
  windowTable,
} from '../../../monitoring-service/src/windows/window-table.js';

const event = (id: string, f1: number, monitored?: Record<string, number>): StoredEvent => ({
  eventId: id,
  timestamp: '2024-05-01T12:00:00Z',
  features: { f1 },
  ...(monitored ? { monitored } : {}),
  prediction: 'walk',
  receivedAtMs: 0,
});

describe('windowTable', () => {
  it('reads each column from the features, else from the monitored values', () => {
    const table = windowTable(
      [event('a', 1, { m1: 10 }), event('b', 2, { m1: 20 })],
      ['f1', 'm1'],
      false,
    );
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.features.f1!)).toEqual([1, 2]);
    expect(Array.from(table.features.m1!)).toEqual([10, 20]);
    expect(table.target).toBeUndefined();
  });

  it('leaves out a column some event lacks, rather than inventing its values', () => {
    const table = windowTable([event('old', 1), event('new', 2, { m1: 20 })], ['f1', 'm1'], true);
    expect(Object.keys(table.features)).toEqual(['f1']);
    expect(table.target).toEqual([null, null]);
  });
});

describe('profileForTable', () => {
  const profile = { featureNames: ['f1', 'm1'], rowCount: 5 } as unknown as ReferenceProfile;

  it('is the same profile when the table has every column', () => {
    const table = windowTable([event('a', 1, { m1: 10 })], ['f1', 'm1'], false);
    expect(profileForTable(profile, table)).toBe(profile);
  });

  it('tests only the columns the table has, leaving the profile as it was', () => {
    const table = windowTable([event('a', 1)], ['f1', 'm1'], false);
    const restricted = profileForTable(profile, table);
    expect(restricted.featureNames).toEqual(['f1']);
    expect(restricted.rowCount).toBe(5);
    expect(profile.featureNames).toEqual(['f1', 'm1']);
  });
});
