/**
 * The monitoring service's Store contract held in memory for a simulated run: what the embedded
 * store does for the windows and the label join, without the disk. Events are kept only as long
 * as a label can still reach them (`capacity` most recent), so an hours-long run stays small;
 * a label whose event is gone, or never came, counts as unmatched and is dropped rather than kept
 * waiting (the evaluation sends every label after its event).
 */
import type {
  AlertRecord,
  AppendResult,
  EventRecord,
  LabelRecord,
  LabelResult,
  Store,
  StoredEvent,
} from '../../monitoring-service/src/store/store.js';

export class EvaluationStore implements Store {
  private readonly events = new Map<string, StoredEvent>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}

  async appendEvents(_dataset: string, events: readonly EventRecord[]): Promise<AppendResult> {
    const stored: StoredEvent[] = [];
    let duplicates = 0;
    for (const event of events) {
      if (this.events.has(event.eventId)) {
        duplicates++;
        continue;
      }
      const kept = { ...event, receivedAtMs: this.now() };
      this.events.set(event.eventId, kept);
      stored.push(kept);
    }
    // Map iteration follows insertion: the first keys are the oldest events.
    for (const id of this.events.keys()) {
      if (this.events.size <= this.capacity) break;
      this.events.delete(id);
    }
    return { stored, duplicates, lateLabels: 0 };
  }

  async applyLabels(_dataset: string, labels: readonly LabelRecord[]): Promise<LabelResult> {
    const matched: string[] = [];
    for (const { eventId, label } of labels) {
      const event = this.events.get(eventId);
      if (!event) continue;
      this.events.set(eventId, { ...event, label });
      matched.push(eventId);
    }
    return { matched, unmatched: labels.length - matched.length };
  }

  async recentEvents(): Promise<StoredEvent[]> {
    return [];
  }

  async recentLabelledEvents(): Promise<StoredEvent[]> {
    return [];
  }

  async findEvents(_dataset: string, eventIds: readonly string[]): Promise<StoredEvent[]> {
    return eventIds.flatMap((id) => {
      const event = this.events.get(id);
      return event ? [event] : [];
    });
  }

  async recordAlerts(_alerts: readonly AlertRecord[]): Promise<void> {}

  async recentAlerts(): Promise<AlertRecord[]> {
    return [];
  }

  async close(): Promise<void> {}
}
