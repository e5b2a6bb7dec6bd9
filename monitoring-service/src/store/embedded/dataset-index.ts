/**
 * In-memory state of one dataset's log: where each event lives, its current label, labels still
 * waiting for their event, and what each segment holds for retention. Replay and live appends go
 * through the same methods, so a restart rebuilds exactly the state the log describes.
 */
import type { EventRecord, RetentionPolicy } from '../store.js';
import { PendingLabels } from './pending-labels.js';
import type { Location } from './segment-log.js';

export interface IndexEntry {
  location: Location;
  ordinal: number;
  receivedAtMs: number;
  label?: string;
  /** Sequence number of the operation that set the current label. */
  labelSeq?: number;
}

interface SegmentStats {
  /** Highest ordinal of an event stored or labelled in the segment. */
  maxOrdinal: number;
  maxReceivedAtMs: number;
}

export interface EventLogRecord {
  t: 'e';
  s: number;
  o: number;
  r: number;
  /** The event without its features. */
  e: Omit<EventRecord, 'features'>;
  /** Feature values; `k` refers to a names list declared by a names record in the same segment. */
  f: { k: number; v: string };
}

/** Declares feature-name lists by id; every segment starts with all lists known so far. */
export interface NamesLogRecord {
  t: 'n';
  n: Record<string, string>;
}

export interface LabelLogRecord {
  t: 'l';
  s: number;
  r: number;
  id: string;
  l: string;
}

export class DatasetIndex {
  readonly entries = new Map<string, IndexEntry>();
  readonly pending = new PendingLabels();
  private readonly segments = new Map<number, SegmentStats>();
  /** Feature-name lists (joined) by id, as declared in the log. */
  readonly featureNames = new Map<number, string>();
  private readonly featureNameIds = new Map<string, number>();
  private lastNamesId: number | undefined;
  private lastSeq = 0;
  private eventCount = 0;

  constructor(private readonly retention: RetentionPolicy) {}

  nextSeq(): number {
    return this.lastSeq + 1;
  }

  nextOrdinal(): number {
    return this.eventCount + 1;
  }

  /** The id of a names list, and whether it was just declared (and needs a names record). */
  namesId(names: string, sameAsLast: boolean): { id: number; declared: boolean } {
    if (sameAsLast && this.lastNamesId !== undefined)
      return { id: this.lastNamesId, declared: false };
    const known = this.featureNameIds.get(names);
    this.lastNamesId = known;
    if (known !== undefined) return { id: known, declared: false };
    const id = this.featureNames.size;
    this.addNames({ t: 'n', n: { [id]: names } });
    this.lastNamesId = id;
    return { id, declared: true };
  }

  addNames(record: NamesLogRecord): void {
    for (const [id, names] of Object.entries(record.n)) {
      this.featureNames.set(Number(id), names);
      this.featureNameIds.set(names, Number(id));
    }
  }

  /** Every names list known so far, for the start of a new segment. */
  namesRecord(): NamesLogRecord | undefined {
    if (this.featureNames.size === 0) return undefined;
    return { t: 'n', n: Object.fromEntries(this.featureNames) };
  }

  /** Takes the label waiting for `eventId`, if any. */
  takePending(eventId: string): string | undefined {
    return this.pending.take(eventId)?.label;
  }

  addEvent(record: EventLogRecord, location: Location): void {
    const { eventId, label } = record.e;
    this.pending.take(eventId);
    this.lastSeq = Math.max(this.lastSeq, record.s);
    this.eventCount = Math.max(this.eventCount, record.o);
    const entry: IndexEntry = { location, ordinal: record.o, receivedAtMs: record.r };
    if (label !== undefined) Object.assign(entry, { label, labelSeq: record.s });
    this.entries.set(eventId, entry);
    this.touch(location.segment, record.o, record.r);
  }

  /** Applies a label record; returns whether its event is stored. */
  addLabel(record: LabelLogRecord, location: Location): boolean {
    this.lastSeq = Math.max(this.lastSeq, record.s);
    const entry = this.entries.get(record.id);
    if (!entry) {
      this.pending.set({ eventId: record.id, label: record.l, receivedAtMs: record.r });
      // Waiting labels are bounded like events: the oldest give way first.
      this.pending.evictBeyond(this.retention.maxEventsPerDataset);
      this.touch(location.segment, 0, record.r);
      return false;
    }
    entry.label = record.l;
    entry.labelSeq = record.s;
    this.touch(location.segment, entry.ordinal, record.r);
    return true;
  }

  /** Closed segments whose every event is past the age or count limit. */
  expiredSegments(closed: readonly number[], nowMs: number): number[] {
    const oldestKeptOrdinal = this.eventCount - this.retention.maxEventsPerDataset;
    const oldestKeptMs = nowMs - this.retention.maxAgeMs;
    return closed.filter((segment) => {
      const stats = this.segments.get(segment);
      if (!stats) return true;
      return stats.maxOrdinal <= oldestKeptOrdinal || stats.maxReceivedAtMs < oldestKeptMs;
    });
  }

  dropSegment(segment: number, nowMs: number): void {
    this.segments.delete(segment);
    for (const [eventId, entry] of this.entries) {
      if (entry.location.segment === segment) this.entries.delete(eventId);
    }
    this.pending.evictOlderThan(nowMs - this.retention.maxAgeMs);
  }

  private touch(segment: number, ordinal: number, receivedAtMs: number): void {
    const stats = this.segments.get(segment) ?? { maxOrdinal: 0, maxReceivedAtMs: 0 };
    stats.maxOrdinal = Math.max(stats.maxOrdinal, ordinal);
    stats.maxReceivedAtMs = Math.max(stats.maxReceivedAtMs, receivedAtMs);
    this.segments.set(segment, stats);
  }
}
