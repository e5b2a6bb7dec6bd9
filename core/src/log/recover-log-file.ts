/**
 * Recovery of one log file at start-up. Intact records are returned whatever damage surrounds
 * them; damaged ranges are quarantined and reported; a torn tail (an incomplete last record, which
 * was never acknowledged) is quarantined too and, in a file that will be appended to, cut off so
 * the next record starts cleanly. Nothing else is removed: valid records keep their offsets.
 */
import { readFile, truncate } from 'node:fs/promises';
import { quarantineRange } from './quarantine.js';
import type { QuarantinedRange } from './quarantine.js';
import { scanRecords } from './scan-records.js';
import type { ScannedRecord } from './scan-records.js';

export interface RecoverOptions {
  /** Cut a torn tail off the file (only for the file new records will be appended to). */
  cutTornTail: boolean;
}

export interface RecoveredFile {
  records: ScannedRecord[];
  /** Damaged ranges (records lost to a checksum failure), each quarantined. */
  damaged: QuarantinedRange[];
  torn: QuarantinedRange | undefined;
  /** Bytes of the file after recovery: where the next append lands. */
  length: number;
}

/** Reads `file` (missing = empty) and recovers it as described above. */
export async function recoverLogFile(
  file: string,
  options: RecoverOptions,
): Promise<RecoveredFile> {
  const data = await readIfExists(file);
  const scan = scanRecords(data);
  const damaged: QuarantinedRange[] = [];
  for (const range of scan.damaged) damaged.push(await quarantineRange(file, data, range));
  let torn: QuarantinedRange | undefined;
  let length = data.length;
  if (scan.tornTail) {
    torn = await quarantineRange(file, data, scan.tornTail);
    if (options.cutTornTail) {
      await truncate(file, scan.tornTail.offset);
      length = scan.tornTail.offset;
    }
  }
  return { records: scan.records, damaged, torn, length };
}

async function readIfExists(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}
