/**
 * Labels waiting for their event, oldest first, with O(1) amortised insert, take and eviction.
 * A Map alone keeps insertion order, but finding its oldest key after many deletions walks over
 * the deleted slots (V8 compacts them only on rehash), which made each eviction O(n) once
 * hundreds of thousands of labels waited. A queue of entries beside the map finds the oldest
 * directly; entries taken or replaced meanwhile are skipped when they reach its head.
 */

export interface PendingLabel {
  readonly eventId: string;
  readonly label: string;
  readonly receivedAtMs: number;
}

export class PendingLabels {
  private readonly byId = new Map<string, PendingLabel>();
  private queue: PendingLabel[] = [];
  private head = 0;

  get size(): number {
    return this.byId.size;
  }

  get(eventId: string): PendingLabel | undefined {
    return this.byId.get(eventId);
  }

  /** Adds (or replaces, making it the newest) the label waiting for `pending.eventId`. */
  set(pending: PendingLabel): void {
    this.byId.set(pending.eventId, pending);
    this.queue.push(pending);
    this.compactIfStale();
  }

  /** Removes and returns the label waiting for `eventId`. */
  take(eventId: string): PendingLabel | undefined {
    const pending = this.byId.get(eventId);
    if (pending) this.byId.delete(eventId);
    return pending;
  }

  /** Drops the oldest labels until at most `max` wait. */
  evictBeyond(max: number): void {
    while (this.byId.size > max) this.dropOldest();
  }

  /** Drops labels received before `oldestKeptMs` (labels arrive in time order). */
  evictOlderThan(oldestKeptMs: number): void {
    for (let oldest = this.oldest(); oldest; oldest = this.oldest()) {
      if (oldest.receivedAtMs >= oldestKeptMs) break;
      this.dropOldest();
    }
  }

  /** The oldest label still waiting, skipping queue entries taken or replaced since. */
  private oldest(): PendingLabel | undefined {
    while (this.head < this.queue.length) {
      const candidate = this.queue[this.head]!;
      if (this.byId.get(candidate.eventId) === candidate) return candidate;
      this.head++;
    }
    return undefined;
  }

  private dropOldest(): void {
    const oldest = this.oldest();
    if (!oldest) return;
    this.byId.delete(oldest.eventId);
    this.head++;
    this.compactIfStale();
  }

  /** Rebuilds the queue once stale entries outnumber live ones: O(1) amortised per operation. */
  private compactIfStale(): void {
    if (this.queue.length - this.head <= 2 * this.byId.size + 1024) return;
    this.queue = this.queue.slice(this.head).filter((p) => this.byId.get(p.eventId) === p);
    this.head = 0;
  }
}
