/**
 * Segment files on disk: their names and replay. Replay goes through the shared log recovery: a
 * record that fails its checksum costs that record only (its bytes are quarantined and reported),
 * and a torn tail is cut off the newest segment, the one new records are appended to.
 */
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import { recoverLogFile } from '@driftwatch/core/log/recover-log-file';

export interface Location {
  segment: number;
  offset: number;
  length: number;
}

const SEGMENT_NAME = /^segment-(\d{9})\.log$/;

export function segmentName(segment: number): string {
  return `segment-${String(segment).padStart(9, '0')}.log`;
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
  /** Bytes of the newest segment after recovery: where the next append lands. */
  tailBytes: number;
}

/** Passes every intact record of the log in `dir` (created if missing) to `onRecord`, in order. */
export async function replaySegments(
  dir: string,
  onRecord: (value: unknown, location: Location) => void,
  onDamage: (damage: LogDamage) => void,
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
    const recovered = await recoverLogFile(path, { cutTornTail: i === segments.length - 1 });
    for (const range of recovered.damaged) onDamage({ kind: 'corrupt', range });
    if (recovered.torn) onDamage({ kind: 'torn', range: recovered.torn });
    for (const { payload, offset, length } of recovered.records) {
      onRecord(JSON.parse(payload.toString('utf8')), { segment, offset, length });
    }
    tailBytes = recovered.length;
  }
  return { segments, tailBytes };
}
