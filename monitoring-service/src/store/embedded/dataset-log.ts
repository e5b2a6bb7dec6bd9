/**
 * One dataset's log and its in-memory index: opening replays the log into the index; reads turn
 * index entries back into events; retention deletes whole expired segments.
 */
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import type { RetentionPolicy, StoredEvent } from '../store.js';
import { DatasetIndex } from './dataset-index.js';
import type {
  EventLogRecord,
  IndexEntry,
  LabelLogRecord,
  NamesLogRecord,
} from './dataset-index.js';
import { decodeFeatures, FeatureEncoder } from './feature-codec.js';
import { encodeRecord } from './record-codec.js';
import { SegmentLog } from './segment-log.js';

export interface DatasetLog {
  log: SegmentLog;
  index: DatasetIndex;
  features: FeatureEncoder;
}

export async function openDatasetLog(
  dir: string,
  retention: RetentionPolicy,
  maxSegmentBytes: number,
  onDamage?: (damage: LogDamage) => void,
): Promise<DatasetLog> {
  const index = new DatasetIndex(retention);
  const log = await SegmentLog.open(
    dir,
    maxSegmentBytes,
    (value, location) => {
      const record = value as EventLogRecord | LabelLogRecord | NamesLogRecord;
      if (record.t === 'e') index.addEvent(record, location);
      else if (record.t === 'l') index.addLabel(record, location);
      else if (record.t === 'n') index.addNames(record);
    },
    onDamage,
  );
  log.header = () => {
    const names = index.namesRecord();
    if (!names) return undefined;
    // Two copies: a segment's events stay readable when one of them is damaged.
    const record = encodeRecord(names);
    return Buffer.concat([record, record]);
  };
  return { log, index, features: new FeatureEncoder() };
}

/**
 * The stored events of `entries`, with their current labels, in the same order. After a failed
 * write, events that never reached the disk (and were never acknowledged) are left out.
 */
export function readEvents(
  { log, index }: Pick<DatasetLog, 'log' | 'index'>,
  entries: readonly IndexEntry[],
): Promise<StoredEvent[]> {
  return Promise.all(
    entries
      .filter((entry) => log.isDurable(entry.location))
      .map(async (entry) => {
        const record = (await log.read(entry.location)) as EventLogRecord;
        const names = index.featureNames.get(record.f.k);
        if (names === undefined) {
          throw new Error(`embedded store: feature names ${record.f.k} were never declared`);
        }
        const features = decodeFeatures({ names, values: record.f.v });
        const event: StoredEvent = { ...record.e, features, receivedAtMs: entry.receivedAtMs };
        if (entry.label !== undefined) event.label = entry.label;
        return event;
      }),
  );
}

/** Deletes closed segments whose events are all past retention; bounds disk use. */
export async function enforceRetention({ log, index }: DatasetLog, nowMs: number): Promise<void> {
  for (const segment of index.expiredSegments(log.closedSegments(), nowMs)) {
    index.dropSegment(segment, nowMs);
    await log.deleteSegment(segment);
  }
}
