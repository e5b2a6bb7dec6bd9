import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../sender/src/index.js';
import { openSource, plannedWindows } from '../../sender/src/run-source.js';
import type { OutgoingWindow } from '../../sender/src/traffic/outgoing-window.js';
import { signalsDigest } from '../helpers/signal-digest.js';

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

describe('openSource', () => {
  const quiet = { write: () => undefined };
  const sent = async (count: number | undefined, windows: number) => {
    const o = { ...DEFAULT_OPTIONS, seed: 9, devices: 4, count, durationS: undefined };
    const source = await openSource(o);
    await source.prepare(quiet, new AbortController().signal);
    const open = source.open('run', 0);
    return Array.from({ length: windows }, () => open.next() as OutgoingWindow);
  };

  it('sends the same windows when a count lets it simulate only those', async () => {
    const [counted, endless] = [await sent(10, 10), await sent(undefined, 10)];
    expect(counted.map((w) => signalsDigest(w.signals))).toEqual(
      endless.map((w) => signalsDigest(w.signals)),
    );
    expect(counted.map((w) => w.label)).toEqual(endless.map((w) => w.label));
  });
});
