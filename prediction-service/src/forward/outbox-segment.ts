import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeIndexRuns, decodeRecords } from './record-framing.js';

/**
 * A segment is one `<seq>.events` file of framed event records plus a `<seq>.acks` file of
 * acknowledged record indices. A sealed segment whose records are all acknowledged is deleted.
 */
export interface Segment {
  readonly seq: number;
  readonly eventsPath: string;
  readonly acksPath: string;
  /** Records written so far; the next record's index. */
  records: number;
  bytes: number;
  /** Records written and not yet acknowledged. */
  unacknowledged: number;
  sealed: boolean;
}

export interface StoredEntry {
  readonly payload: string;
  readonly segment: Segment;
  readonly index: number;
}

export function segmentAt(dir: string, seq: number): Segment {
  const base = join(dir, String(seq).padStart(12, '0'));
  return {
    seq,
    eventsPath: `${base}.events`,
    acksPath: `${base}.acks`,
    records: 0,
    bytes: 0,
    unacknowledged: 0,
    sealed: false,
  };
}

export interface Recovered {
  entries: StoredEntry[];
  nextSeq: number;
  /** Torn tails skipped, per events file. */
  discarded: { path: string; bytes: number }[];
}

/** Reads every segment in `dir` (oldest first) and returns its unacknowledged records. */
export async function recoverSegments(dir: string): Promise<Recovered> {
  await mkdir(dir, { recursive: true });
  const names = await readdir(dir);
  const seqs = new Set<number>();
  for (const name of names) {
    const match = /^(\d{12})\.(events|acks)$/.exec(name);
    if (match) seqs.add(Number(match[1]));
  }
  const recovered: Recovered = { entries: [], nextSeq: 1, discarded: [] };
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    recovered.nextSeq = seq + 1;
    await recoverSegment(segmentAt(dir, seq), recovered);
  }
  return recovered;
}

async function recoverSegment(segment: Segment, into: Recovered): Promise<void> {
  const events = await readIfExists(segment.eventsPath);
  const { payloads, discardedBytes } = decodeRecords(events ?? Buffer.alloc(0));
  if (discardedBytes > 0) into.discarded.push({ path: segment.eventsPath, bytes: discardedBytes });
  const acknowledged = new Set<number>();
  for (const line of decodeRecords((await readIfExists(segment.acksPath)) ?? Buffer.alloc(0))
    .payloads) {
    decodeIndexRuns(line, acknowledged);
  }
  segment.records = payloads.length;
  segment.bytes = events?.length ?? 0;
  segment.sealed = true;
  payloads.forEach((payload, index) => {
    if (!acknowledged.has(index)) into.entries.push({ payload, segment, index });
  });
  segment.unacknowledged = payloads.length - countBelow(acknowledged, payloads.length);
  if (segment.unacknowledged === 0) await removeSegment(segment);
}

function countBelow(indices: Set<number>, limit: number): number {
  let n = 0;
  for (const i of indices) if (i < limit) n++;
  return n;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Deletes the events file first: an acks file without events is ignored and cleaned up later. */
export async function removeSegment(segment: Segment): Promise<void> {
  await unlink(segment.eventsPath).catch(ignoreMissing);
  await unlink(segment.acksPath).catch(ignoreMissing);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
