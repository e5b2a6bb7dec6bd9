import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../monitoring-service/src/store/embedded/embedded-store.js';
import type { StoredEvent } from '../../../monitoring-service/src/store/store.js';
import { DatasetWindows } from '../../../monitoring-service/src/windows/dataset-windows.js';
import { SlidingWindow } from '../../../monitoring-service/src/windows/sliding-window.js';
import { event } from '../store/store-contract.js';

const stored = (id: string, label?: string): StoredEvent => ({
  ...event(id, label === undefined ? {} : { label }),
  receivedAtMs: 0,
});
const ids = (events: readonly StoredEvent[]) => events.map((e) => e.eventId);

describe('SlidingWindow', () => {
  it('keeps the newest events up to its capacity', () => {
    const window = new SlidingWindow(2);
    for (const id of ['a', 'b', 'c']) window.push(stored(id));
    expect(ids(window.values())).toEqual(['b', 'c']);
  });

  it('moves a pushed-again event to the newest end, while update keeps its place', () => {
    const window = new SlidingWindow(3);
    for (const id of ['a', 'b', 'c']) window.push(stored(id));
    window.push(stored('a', 'curl'));
    window.update(stored('b', 'walk'));
    window.update(stored('zz', 'walk'));
    expect(window.values().map((e) => [e.eventId, e.label])).toEqual([
      ['b', 'walk'],
      ['c', undefined],
      ['a', 'curl'],
    ]);
  });
});

describe('DatasetWindows', () => {
  it('changes version only when something entered a window', () => {
    const windows = new DatasetWindows(10);
    const before = windows.version;
    windows.addEvents([]);
    windows.applyLabels([]);
    expect(windows.version).toBe(before);
    windows.addEvents([stored('a', 'curl'), stored('b')]);
    expect(windows.version).not.toBe(before);
    expect([windows.current.size, windows.labelled.size]).toEqual([2, 1]);
  });

  it('rebuilds both windows from the store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'windows-'));
    const retention = { maxAgeMs: 3600_000, maxEventsPerDataset: 1000 };
    const store = await EmbeddedStore.open({ dir, retention });
    try {
      await store.appendEvents(
        'ds',
        ['a', 'b', 'c', 'd'].map((id) => event(id)),
      );
      await store.applyLabels('ds', [
        { eventId: 'd', label: 'curl' },
        { eventId: 'a', label: 'walk' },
      ]);
      const windows = await DatasetWindows.load(store, 'ds', 3);
      expect(ids(windows.current.values())).toEqual(['b', 'c', 'd']);
      expect(ids(windows.labelled.values())).toEqual(['d', 'a']);
      expect(windows.current.get('d')?.label).toBe('curl');
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
