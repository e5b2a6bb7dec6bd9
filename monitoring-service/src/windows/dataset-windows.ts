/**
 * A dataset's two sliding windows (docs/architecture.md): the last N events and the last N labelled
 * events. `version` changes whenever either window does, which is how a job knows it has work.
 */
import type { Store, StoredEvent } from '../store/store.js';
import { SlidingWindow } from './sliding-window.js';

export class DatasetWindows {
  readonly current: SlidingWindow;
  readonly labelled: SlidingWindow;
  private changes = 0;

  constructor(windowSizeEvents: number) {
    this.current = new SlidingWindow(windowSizeEvents);
    this.labelled = new SlidingWindow(windowSizeEvents);
  }

  /** Rebuilds both windows from what the store holds. */
  static async load(
    store: Store,
    dataset: string,
    windowSizeEvents: number,
  ): Promise<DatasetWindows> {
    const windows = new DatasetWindows(windowSizeEvents);
    const [current, labelled] = await Promise.all([
      store.recentEvents(dataset, windowSizeEvents),
      store.recentLabelledEvents(dataset, windowSizeEvents),
    ]);
    for (const event of current) windows.current.push(event);
    for (const event of labelled) windows.labelled.push(event);
    windows.changes = current.length + labelled.length;
    return windows;
  }

  get version(): number {
    return this.changes;
  }

  /** Newly stored events, in arrival order. */
  addEvents(events: readonly StoredEvent[]): void {
    for (const event of events) {
      this.current.push(event);
      if (event.label !== undefined) this.labelled.push(event);
    }
    if (events.length > 0) this.changes++;
  }

  /** Events that just got (or changed) their label, in the order the labels were applied. */
  applyLabels(events: readonly StoredEvent[]): void {
    for (const event of events) {
      this.current.update(event);
      this.labelled.push(event);
    }
    if (events.length > 0) this.changes++;
  }
}
