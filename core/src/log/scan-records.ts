/**
 * Decoding of a whole log file that tolerates damage: a record that fails its checksum costs that
 * record only, because decoding resynchronises on the next intact record after it.
 */
import { NEWLINE, hasHeaderAt, recordEndAt } from './record-framing.js';

export interface ScannedRecord {
  offset: number;
  length: number;
  payload: Buffer;
}

export interface ByteRange {
  offset: number;
  length: number;
}

export interface ScanResult {
  /** Intact records, in file order. */
  records: ScannedRecord[];
  /** Damaged bytes followed by an intact record or ending in a newline: records were lost. */
  damaged: ByteRange[];
  /** Bytes after the last intact record that hold no newline: a record torn mid-write. */
  tornTail: ByteRange | undefined;
}

/**
 * The next offset after `from` where an intact record could start: after a newline, or at a
 * header, which also finds a record whose preceding newline was damaged. Cost O(distance).
 */
function nextCandidate(data: Buffer, from: number): number {
  for (let i = from; i < data.length; i++) {
    if (data[i - 1] === NEWLINE || hasHeaderAt(data, i)) return i;
  }
  return data.length;
}

/**
 * Splits `data` into intact records, damaged ranges and a torn tail. Records are found by their
 * checksum, so a spurious match inside damaged bytes has probability about 2^-32. Cost O(n) for
 * intact data, O(n · record length) in the worst case of damage.
 */
export function scanRecords(data: Buffer): ScanResult {
  const result: ScanResult = { records: [], damaged: [], tornTail: undefined };
  let offset = 0;
  let badFrom = -1;
  while (offset < data.length) {
    const end = recordEndAt(data, offset);
    if (end < 0) {
      if (badFrom < 0) badFrom = offset;
      offset = nextCandidate(data, offset + 1);
      continue;
    }
    if (badFrom >= 0) result.damaged.push({ offset: badFrom, length: offset - badFrom });
    badFrom = -1;
    result.records.push({
      offset,
      length: end - offset,
      payload: data.subarray(offset + 9, end - 1),
    });
    offset = end;
  }
  if (badFrom >= 0) {
    const lastNewline = data.lastIndexOf(NEWLINE);
    const tornFrom = lastNewline >= badFrom ? lastNewline + 1 : badFrom;
    if (tornFrom > badFrom) result.damaged.push({ offset: badFrom, length: tornFrom - badFrom });
    if (tornFrom < data.length) {
      result.tornTail = { offset: tornFrom, length: data.length - tornFrom };
    }
  }
  return result;
}
