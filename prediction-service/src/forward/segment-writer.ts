import { close, open } from 'node:fs';
import { promisify } from 'node:util';
import { durableAppend } from '@driftwatch/core/log/durable-append';
import { frameRecord } from '@driftwatch/core/log/record-framing';
import { removeSegment, type Segment, type StoredEntry, segmentAt } from './outbox-segment.js';

const openFile = promisify(open);
const closeFile = promisify(close);

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
  let active: { segment: Segment; fd: number } | undefined;

  async function current(): Promise<{ segment: Segment; fd: number }> {
    if (!active) {
      const segment = segmentAt(dir, nextSeq++);
      active = { segment, fd: await openFile(segment.eventsPath, 'a') };
    }
    return active;
  }

  async function seal(): Promise<void> {
    const sealing = active;
    if (!sealing) return;
    active = undefined;
    sealing.segment.sealed = true;
    await closeFile(sealing.fd);
    if (sealing.segment.unacknowledged === 0) await removeSegment(sealing.segment);
  }

  return {
    async write(payloads) {
      const { segment, fd } = await current();
      const framed = payloads.map(frameRecord);
      let offset = segment.bytes;
      const entries = payloads.map((payload, i) => {
        const length = Buffer.byteLength(framed[i]!);
        const entry = { payload, segment, offset, length };
        offset += length;
        return entry;
      });
      const bytes = Buffer.from(framed.join(''));
      try {
        await durableAppend(fd, [bytes]);
      } catch (error) {
        // A failed write may leave a partial record, which must stay the file's last bytes for
        // the offsets of later records to hold: they go to a fresh segment.
        await seal().catch(() => undefined);
        throw error;
      }
      segment.records += entries.length;
      segment.unacknowledged += entries.length;
      segment.bytes += bytes.length;
      if (segment.bytes >= segmentBytes) await seal();
      return entries;
    },
    async close() {
      const closing = active;
      active = undefined;
      if (closing) await closeFile(closing.fd);
    },
  };
}
