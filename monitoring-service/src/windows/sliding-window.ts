/**
 * The last `capacity` events by the time they entered, keyed by eventId. Re-entering moves an
 * event to the newest end (a relabelled event is the latest labelled one).
 */
import type { StoredEvent } from '../store/store.js';

export class SlidingWindow {
  private readonly events = new Map<string, StoredEvent>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.events.size;
  }

  get(eventId: string): StoredEvent | undefined {
    return this.events.get(eventId);
  }

  /** Adds `event` as the newest, dropping the oldest beyond capacity. */
  push(event: StoredEvent): void {
    this.events.delete(event.eventId);
    this.events.set(event.eventId, event);
    while (this.events.size > this.capacity) {
      const oldest = this.events.keys().next().value;
      if (oldest === undefined) break;
      this.events.delete(oldest);
    }
  }

  /** Swaps in a new version of an event already here, keeping its place. */
  update(event: StoredEvent): void {
    if (this.events.has(event.eventId)) this.events.set(event.eventId, event);
  }

  /** Oldest first. */
  values(): StoredEvent[] {
    return [...this.events.values()];
  }
}
