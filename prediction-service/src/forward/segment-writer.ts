import { type FileHandle, open } from 'node:fs/promises';
import { removeSegment, type Segment, type StoredEntry, segmentAt } from './outbox-segment.js';
import { frameRecord } from './record-framing.js';

/** Appends framed records to the current segment, starting a new one past `segmentBytes`. */
export interface SegmentWriter {
  /** Writes and syncs the payloads as one write; calls must not overlap. */
  write(payloads: readonly string[]): Promise<StoredEntry[]>;
  close(): Promise<void>;
}

export function createSegmentWriter(
  dir: string,
  firstSeq: number,
  segmentBytes: number,
): SegmentWriter {
  let nextSeq = firstSeq;
  let active: { segment: Segment; file: FileHandle } | undefined;

  async function current(): Promise<{ segment: Segment; file: FileHandle }> {
    if (!active) {
      const segment = segmentAt(dir, nextSeq++);
      active = { segment, file: await open(segment.eventsPath, 'a') };
    }
    return active;
  }

  async function seal(): Promise<void> {
    const sealing = active;
    if (!sealing) return;
    active = undefined;
    sealing.segment.sealed = true;
    await sealing.file.close();
    if (sealing.segment.unacknowledged === 0) await removeSegment(sealing.segment);
  }

  return {
    async write(payloads) {
      const { segment, file } = await current();
      const entries = payloads.map((payload, i) => ({
        payload,
        segment,
        index: segment.records + i,
      }));
      const text = payloads.map(frameRecord).join('');
      try {
        await file.write(text);
        await file.datasync();
      } catch (error) {
        // A failed write may leave a partial record; later records go to a fresh segment so
        // that recovery, which stops at the first bad record, still reaches them.
        await seal().catch(() => undefined);
        throw error;
      }
      segment.records += entries.length;
      segment.unacknowledged += entries.length;
      segment.bytes += Buffer.byteLength(text);
      if (segment.bytes >= segmentBytes) await seal();
      return entries;
    },
    async close() {
      const closing = active;
      active = undefined;
      await closing?.file.close();
    },
  };
}
