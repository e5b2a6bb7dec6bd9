import { appendFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { frameRecord } from '@driftwatch/core/log/record-framing';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import { encodeAckRanges } from './ack-ranges.js';
import {
  recoverSegments,
  removeSegment,
  type Segment,
  type StoredEntry,
} from './outbox-segment.js';
import { createSegmentWriter } from './segment-writer.js';

export type OutboxEntry = StoredEntry;

/** Thrown by append when the outbox holds its maximum number of events. */
export class OutboxFullError extends Error {
  override name = 'OutboxFullError';
}

export interface OutboxOptions {
  dir: string;
  maxEvents: number;
  segmentBytes: number;
  logger: Logger;
  /** Called whenever the number of held events changes. */
  onSizeChange?: (size: number) => void;
  /** Called for every damaged range recovery skipped that no earlier start reported. */
  onCorruption?: (damage: LogDamage) => void;
}

export interface Outbox {
  /** Events held: being written, waiting, or sent and not yet acknowledged. */
  readonly size: number;
  /** Events waiting to be leased. */
  readonly available: number;
  /**
   * Writes the payloads and resolves once they are on disk (fdatasync). Concurrent calls share one
   * write and one sync. Throws OutboxFullError when they would not fit.
   */
  append(payloads: readonly string[]): Promise<void>;
  /** Takes up to `max` waiting entries, oldest first, for sending. */
  lease(max: number): OutboxEntry[];
  /** Returns leased entries to the front of the queue. */
  release(entries: readonly OutboxEntry[]): void;
  /** Drops entries for good; deletes segments left with nothing unacknowledged. */
  acknowledge(entries: readonly OutboxEntry[]): Promise<void>;
  /** `listener` runs after appended entries become available. */
  onAvailable(listener: () => void): void;
  close(): Promise<void>;
}

interface PendingWrite {
  payloads: readonly string[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Opens the outbox in `dir`, resuming every unacknowledged event left by earlier runs. */
export async function openOutbox(options: OutboxOptions): Promise<Outbox> {
  const { dir, logger } = options;
  const recovered = await recoverSegments(dir);
  for (const damage of recovered.damage) reportDamage(damage, logger, options.onCorruption);
  if (recovered.entries.length > 0) {
    logger.info({ events: recovered.entries.length }, 'outbox: resuming unacknowledged events');
  }
  let queue: OutboxEntry[] = recovered.entries;
  let head = 0;
  let size = queue.length;
  const writer = createSegmentWriter(dir, recovered.nextSeq, options.segmentBytes);
  let writes: PendingWrite[] = [];
  let writing: Promise<void> | undefined;
  let ackChain: Promise<void> = Promise.resolve();
  let closed = false;
  const listeners: (() => void)[] = [];
  const sizeChanged = () => options.onSizeChange?.(size);
  sizeChanged();

  async function drainWrites(): Promise<void> {
    while (writes.length > 0) {
      const batch = writes;
      writes = [];
      try {
        // Await before touching `queue`: release() and lease() may replace the array meanwhile.
        const entries = await writer.write(batch.flatMap((w) => w.payloads));
        queue.push(...entries);
        for (const write of batch) write.resolve();
        for (const listener of listeners) listener();
      } catch (error) {
        for (const write of batch) {
          size -= write.payloads.length;
          write.reject(error as Error);
        }
        sizeChanged();
      }
    }
    writing = undefined;
  }

  return {
    get size() {
      return size;
    },
    get available() {
      return queue.length - head;
    },
    append(payloads) {
      if (closed) return Promise.reject(new Error('outbox is closed'));
      if (size + payloads.length > options.maxEvents) {
        return Promise.reject(
          new OutboxFullError(`outbox holds ${size} of at most ${options.maxEvents} events`),
        );
      }
      size += payloads.length;
      sizeChanged();
      return new Promise<void>((resolve, reject) => {
        writes.push({ payloads, resolve, reject });
        writing ??= drainWrites();
      });
    },
    lease(max) {
      const taken = queue.slice(head, head + max);
      head += taken.length;
      // Leased entries must not stay reachable from the queue: their payloads would outlive
      // their send and be promoted to V8's old generation, whose collections pause the loop.
      // Dropping them once half the array is leased keeps the copying amortised O(1) per entry.
      if (head * 2 >= queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      return taken;
    },
    release(entries) {
      queue = [...entries, ...queue.slice(head)];
      head = 0;
    },
    acknowledge(entries) {
      const bySegment = new Map<Segment, OutboxEntry[]>();
      for (const entry of entries) {
        const list = bySegment.get(entry.segment);
        if (list) list.push(entry);
        else bySegment.set(entry.segment, [entry]);
      }
      size -= entries.length;
      sizeChanged();
      ackChain = ackChain.then(() => persistAcks(bySegment, logger));
      return ackChain;
    },
    onAvailable(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      await writing;
      await ackChain;
      await writer.close();
    },
  };
}

function reportDamage(
  damage: LogDamage,
  logger: Logger,
  onCorruption: ((damage: LogDamage) => void) | undefined,
): void {
  const { file, offset, length, quarantinePath, known } = damage.range;
  const details = { file, offset, bytes: length, quarantine: quarantinePath };
  if (damage.kind === 'torn') {
    logger.warn(details, 'outbox: skipped a record torn by a crash mid-write (never answered)');
  } else if (known) {
    logger.warn(details, 'outbox: skipping damaged records quarantined before');
  } else {
    onCorruption?.(damage);
    logger.error(details, 'outbox: damaged records failed their checksum; skipped, quarantined');
  }
}

/** Records acknowledged records per segment and deletes sealed segments left with none open. */
async function persistAcks(bySegment: Map<Segment, OutboxEntry[]>, logger: Logger): Promise<void> {
  for (const [segment, acked] of bySegment) {
    try {
      await appendFile(segment.acksPath, frameRecord(encodeAckRanges(acked)));
    } catch (error) {
      // Monitoring has these events; losing the mark only means a duplicate send after a
      // restart, which monitoring stores once. For the same reason the mark is not synced: an
      // fsync per acknowledgement competed with the event writes' syncs and lengthened them.
      logger.warn({ err: error, path: segment.acksPath }, 'outbox: cannot record acknowledgements');
    }
    segment.unacknowledged -= acked.length;
    if (segment.sealed && segment.unacknowledged === 0) {
      await removeSegment(segment).catch((error: unknown) =>
        logger.warn({ err: error, seq: segment.seq }, 'outbox: cannot delete a drained segment'),
      );
    }
  }
}
