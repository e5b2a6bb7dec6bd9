/**
 * Quarantine of damaged log bytes: each damaged range is copied, durably, into its own file
 * `<log file name>.<start>-<end>.bad` in a `quarantine/` folder beside the log, so nothing read
 * from disk is thrown away and an operator can inspect it. The name makes the copy idempotent:
 * damage already quarantined by an earlier start is recognised and not reported as new.
 */
import { mkdir, open, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ByteRange } from './scan-records.js';

export interface QuarantinedRange extends ByteRange {
  /** The damaged log file. */
  file: string;
  /** Where its bytes were copied. */
  quarantinePath: string;
  /** True when an earlier start had already quarantined (and reported) these bytes. */
  known: boolean;
}

export function quarantineDirOf(logFile: string): string {
  return join(dirname(logFile), 'quarantine');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Copies `range` of `data` (the content of `file`) into the quarantine folder and syncs it. */
export async function quarantineRange(
  file: string,
  data: Buffer,
  range: ByteRange,
): Promise<QuarantinedRange> {
  const dir = quarantineDirOf(file);
  const end = range.offset + range.length;
  const quarantinePath = join(dir, `${basename(file)}.${range.offset}-${end}.bad`);
  const known = (await sizeOf(quarantinePath)) === range.length;
  if (!known) {
    await mkdir(dir, { recursive: true });
    const handle = await open(quarantinePath, 'w');
    try {
      await handle.writeFile(data.subarray(range.offset, end));
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return { ...range, file, quarantinePath, known };
}
