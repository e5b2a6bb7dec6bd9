import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import { recoverLogFile } from '@driftwatch/core/log/recover-log-file';
import { ackedInOrder, decodeAckLine } from './ack-ranges.js';
import type { AckMarks } from './ack-ranges.js';

/**
 * A segment is one `<seq>.events` file of framed event records plus a `<seq>.acks` file marking
 * acknowledged records by byte range. A sealed segment whose intact records are all acknowledged
 * is deleted; damaged records were copied to the quarantine folder by recovery.
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
  /** Where the framed record lies in the segment's events file. */
  readonly offset: number;
  readonly length: number;
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
  /** Damaged and torn ranges skipped, each quarantined. */
  damage: LogDamage[];
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
  const recovered: Recovered = { entries: [], nextSeq: 1, damage: [] };
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    recovered.nextSeq = seq + 1;
    await recoverSegment(segmentAt(dir, seq), recovered);
  }
  return recovered;
}

async function recoverSegment(segment: Segment, into: Recovered): Promise<void> {
  // Segments are never appended to after a restart, so a torn tail is left in place.
  const events = await recoverLogFile(segment.eventsPath, { cutTornTail: false });
  const acks = await recoverLogFile(segment.acksPath, { cutTornTail: false });
  for (const file of [events, acks]) {
    for (const range of file.damaged) into.damage.push({ kind: 'corrupt', range });
    if (file.torn) into.damage.push({ kind: 'torn', range: file.torn });
  }
  const marks: AckMarks = { ranges: [], legacyIndices: new Set() };
  for (const line of acks.records) decodeAckLine(line.payload.toString('utf8'), marks);
  const acked = ackedInOrder(marks);
  segment.records = events.records.length;
  segment.bytes = events.length;
  segment.sealed = true;
  segment.unacknowledged = 0;
  events.records.forEach((record, index) => {
    if (acked(record, index)) return;
    const { offset, length } = record;
    into.entries.push({ payload: record.payload.toString('utf8'), segment, offset, length });
    segment.unacknowledged++;
  });
  if (segment.unacknowledged === 0) await removeSegment(segment);
}

/** Deletes the events file first: an acks file without events is ignored and cleaned up later. */
export async function removeSegment(segment: Segment): Promise<void> {
  await unlink(segment.eventsPath).catch(ignoreMissing);
  await unlink(segment.acksPath).catch(ignoreMissing);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
