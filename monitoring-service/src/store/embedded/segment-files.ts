/**
 * Segment files on disk: their names, the durable append of a group of records, and replay,
 * which cuts off a torn tail in the newest segment (a crash mid-write) and refuses corruption
 * anywhere else.
 */
import { mkdir, open, readdir, readFile, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecords } from './record-codec.js';

export interface Location {
  segment: number;
  offset: number;
  length: number;
}

const SEGMENT_NAME = /^segment-(\d{9})\.log$/;

export function segmentName(segment: number): string {
  return `segment-${String(segment).padStart(9, '0')}.log`;
}

/** writev, finishing with plain writes should the kernel take only part of the data. */
export async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  const { bytesWritten } = await handle.writev(buffers);
  if (bytesWritten === total) return;
  const rest = Buffer.concat(buffers).subarray(bytesWritten);
  let written = 0;
  while (written < rest.length) {
    written += (await handle.write(rest, written, rest.length - written)).bytesWritten;
  }
}

/** fsync of a directory, so a file created in it survives a crash. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface ReplayResult {
  /** Segment ids, oldest first. */
  segments: number[];
  /** Intact bytes of the newest segment. */
  tailBytes: number;
}

/** Passes every intact record of the log in `dir` (created if missing) to `onRecord`, in order. */
export async function replaySegments(
  dir: string,
  onRecord: (value: unknown, location: Location) => void,
): Promise<ReplayResult> {
  await mkdir(dir, { recursive: true });
  const segments = (await readdir(dir))
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  let tailBytes = 0;
  for (const [i, segment] of segments.entries()) {
    const path = join(dir, segmentName(segment));
    const data = await readFile(path);
    const { records, validLength } = decodeRecords(data);
    if (validLength < data.length) {
      if (i < segments.length - 1) {
        throw new Error(`embedded store: ${path} is corrupt at byte ${validLength}`);
      }
      await truncate(path, validLength);
    }
    for (const r of records) onRecord(r.value, { segment, offset: r.offset, length: r.length });
    tailBytes = validLength;
  }
  return { segments, tailBytes };
}
