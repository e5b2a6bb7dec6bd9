import { close, fdatasync, open, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { removeSegment, type Segment, type StoredEntry, segmentAt } from './outbox-segment.js';
import { frameRecord } from './record-framing.js';

const openFile = promisify(open);
const closeFile = promisify(close);
const syncData = promisify(fdatasync);

/**
 * Writes all of `bytes` at the end of `fd`. Synchronous on purpose: the write only copies a few
 * kilobytes into the page cache, which takes microseconds, while a round trip through libuv's
 * thread pool costs ~50 µs of CPU per call on a small VM. The fdatasync, which waits on the
 * disk, stays asynchronous.
 */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) {
    written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

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
      const entries = payloads.map((payload, i) => ({
        payload,
        segment,
        index: segment.records + i,
      }));
      const bytes = Buffer.from(payloads.map(frameRecord).join(''));
      try {
        writeAll(fd, bytes);
        await syncData(fd);
      } catch (error) {
        // A failed write may leave a partial record; later records go to a fresh segment so
        // that recovery, which stops at the first bad record, still reaches them.
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
