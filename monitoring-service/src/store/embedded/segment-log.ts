/**
 * An append-only log split into numbered segment files. Appends are framed records queued for a
 * group commit (write + fdatasync); the log rotates to a new segment past `maxSegmentBytes`, and
 * whole old segments are deleted by the caller's retention. Replay recovers through the shared log
 * module: damaged records are skipped and reported, a torn tail in the newest segment is cut. A
 * failed write or sync ends this instance (every later call rejects); the owner reopens the log.
 */
import { open, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { durableAppend } from '@driftwatch/core/log/durable-append';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import { GroupCommit } from './group-commit.js';
import { decodeRecord } from './record-codec.js';
import { replaySegments, segmentName, syncDirectory } from './segment-files.js';
import type { Location } from './segment-files.js';

export type { Location } from './segment-files.js';

interface Pending {
  segment: number;
  data: Buffer;
}

export class SegmentLog {
  private readonly commits = new GroupCommit<Pending>(
    (items) => this.write(items),
    (error) => this.onFailure?.(error),
  );
  private readonly readers = new Map<number, Promise<FileHandle>>();
  private writer: { segment: number; handle: FileHandle } | undefined;
  private tailOffset: number;
  /** End of the last synced write: everything before it is on disk. */
  private synced: { segment: number; offset: number };
  /** Called after the log moved on to a new segment, e.g. to apply retention. */
  onRotate: (() => void) | undefined;
  /** Called once when a write or fsync failed: nothing appended since can be promised durable. */
  onFailure: ((error: Error) => void) | undefined;
  /** Records every segment starts with, so that each segment can be decoded on its own. */
  header: (() => Buffer | undefined) | undefined;

  private constructor(
    private readonly dir: string,
    private readonly maxSegmentBytes: number,
    private tail: number,
    tailBytes: number,
    private readonly closed: number[],
  ) {
    this.tailOffset = tailBytes;
    this.synced = { segment: tail, offset: tailBytes };
  }

  /** Opens (creating) the log in `dir`, passing every intact record to `onRecord` in order. */
  static async open(
    dir: string,
    maxSegmentBytes: number,
    onRecord: (value: unknown, location: Location) => void,
    onDamage: (damage: LogDamage) => void = () => undefined,
  ): Promise<SegmentLog> {
    const { segments, tailBytes } = await replaySegments(dir, onRecord, onDamage);
    const tail = segments.at(-1) ?? 1;
    return new SegmentLog(dir, maxSegmentBytes, tail, tailBytes, segments.slice(0, -1));
  }

  /** Segments older than the one being written, oldest first. */
  closedSegments(): readonly number[] {
    return this.closed;
  }

  /** Queues a framed record; it is durable once a later `flush()` resolves. */
  append(record: Buffer): Location {
    if (this.tailOffset > 0 && this.tailOffset + record.length > this.maxSegmentBytes) {
      this.closed.push(this.tail);
      this.tail += 1;
      this.tailOffset = 0;
      this.onRotate?.();
    }
    if (this.tailOffset === 0) this.enqueue(this.header?.());
    return this.enqueue(record)!;
  }

  private enqueue(record: Buffer | undefined): Location | undefined {
    if (!record) return undefined;
    const location = { segment: this.tail, offset: this.tailOffset, length: record.length };
    this.commits.add({ segment: this.tail, data: record });
    this.tailOffset += record.length;
    return location;
  }

  /** Whether the record at `location` is on disk: false only for writes a failure cut short. */
  isDurable(location: Location): boolean {
    if (!this.commits.failed) return true;
    const { segment, offset } = this.synced;
    return (
      location.segment < segment ||
      (location.segment === segment && location.offset + location.length <= offset)
    );
  }

  flush(): Promise<void> {
    return this.commits.flush();
  }

  async read(location: Location): Promise<unknown> {
    // After a failed commit, reads still serve what became durable before it.
    if (this.commits.pending && !this.commits.failed) await this.flush();
    let reader = this.readers.get(location.segment);
    if (!reader) {
      reader = open(join(this.dir, segmentName(location.segment)), 'r');
      this.readers.set(location.segment, reader);
    }
    const handle = await reader;
    const data = Buffer.alloc(location.length);
    await handle.read(data, 0, location.length, location.offset);
    const value = decodeRecord(data);
    if (value === undefined) {
      throw new Error(`embedded store: unreadable record at ${segmentName(location.segment)}`);
    }
    return value;
  }

  async deleteSegment(segment: number): Promise<void> {
    const index = this.closed.indexOf(segment);
    if (index < 0) throw new Error(`embedded store: segment ${segment} is not closed`);
    this.closed.splice(index, 1);
    const reader = this.readers.get(segment);
    this.readers.delete(segment);
    await (await reader)?.close();
    await unlink(join(this.dir, segmentName(segment)));
  }

  async close(): Promise<void> {
    try {
      // After a failed commit nothing more can be written; what was acknowledged is on disk.
      if (!this.commits.failed) await this.flush();
    } finally {
      await this.writer?.handle.close();
      this.writer = undefined;
      for (const reader of this.readers.values()) await (await reader).close();
      this.readers.clear();
    }
  }

  private async write(items: Pending[]): Promise<void> {
    let start = 0;
    while (start < items.length) {
      const segment = items[start]!.segment;
      let end = start;
      while (end < items.length && items[end]!.segment === segment) end++;
      const handle = await this.writerFor(segment);
      const data = items.slice(start, end).map((item) => item.data);
      const offset = segment === this.synced.segment ? this.synced.offset : 0;
      try {
        await durableAppend(handle.fd, data);
      } catch (error) {
        // Cut what part of the batch reached the file (truncating works on a full disk too), so
        // that no record nobody was told about reappears when the log is reopened.
        await handle.truncate(offset).catch(() => undefined);
        throw error;
      }
      this.synced = { segment, offset: offset + data.reduce((sum, b) => sum + b.length, 0) };
      start = end;
    }
  }

  private async writerFor(segment: number): Promise<FileHandle> {
    if (this.writer?.segment === segment) return this.writer.handle;
    await this.writer?.handle.close();
    const handle = await open(join(this.dir, segmentName(segment)), 'a');
    this.writer = { segment, handle };
    // A new file's directory entry must be durable too, or the whole segment could vanish.
    await syncDirectory(this.dir);
    return handle;
  }
}
