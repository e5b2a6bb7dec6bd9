import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../sender/src/index.js';
import { plannedWindows } from '../../sender/src/run-source.js';

describe('plannedWindows', () => {
  const options = { ...DEFAULT_OPTIONS, devices: 10, speed: 1 };

  it('is the count, or what the duration lets the devices complete, whichever is fewer', () => {
    expect(plannedWindows({ ...options, count: 100 })).toBe(100);
    // 10 devices complete 10 windows every 3.02 s: 99 by 30 s (the 100th is due at 30.2 s).
    expect(plannedWindows({ ...options, durationS: 30 })).toBe(99);
    expect(plannedWindows({ ...options, durationS: 30, speed: 2 })).toBe(198);
    expect(plannedWindows({ ...options, durationS: 30, count: 50 })).toBe(50);
  });

  it('is undefined for a run without an end', () => {
    expect(plannedWindows({ ...options, count: undefined, durationS: undefined })).toBeUndefined();
  });
});
