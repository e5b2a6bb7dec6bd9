import { crc32 } from 'node:zlib';

/**
 * Outbox files hold one record per line: 8 hex digits of CRC-32 over the payload's UTF-8 bytes,
 * a space, the payload, a newline. Payloads are JSON or plain ASCII, so they never contain a raw
 * newline. The checksum lets recovery tell a complete record from one torn by a crash.
 */
export function frameRecord(payload: string): string {
  return `${crc32(payload).toString(16).padStart(8, '0')} ${payload}\n`;
}

export interface DecodedRecords {
  payloads: string[];
  /** Bytes after the last intact record: a torn tail left by a crash mid-write. */
  discardedBytes: number;
}

const NEWLINE = 0x0a;
const HEADER_BYTES = 9;

/** Reads records from the start of `bytes` up to the first incomplete or corrupt one. */
export function decodeRecords(bytes: Buffer): DecodedRecords {
  const payloads: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0 || end - start < HEADER_BYTES || bytes[start + HEADER_BYTES - 1] !== 0x20) break;
    const expected = Number.parseInt(bytes.toString('latin1', start, start + 8), 16);
    const payload = bytes.subarray(start + HEADER_BYTES, end);
    if (Number.isNaN(expected) || crc32(payload) !== expected) break;
    payloads.push(payload.toString('utf8'));
    start = end + 1;
  }
  return { payloads, discardedBytes: bytes.length - start };
}

/** Ascending record indices as compact runs: `0-499,640,700-702`. */
export function encodeIndexRuns(indices: readonly number[]): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** Inverse of encodeIndexRuns; adds every index to `into`. */
export function decodeIndexRuns(text: string, into: Set<number>): void {
  for (const run of text.split(',')) {
    const [from, to = from] = run.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    for (let i = from!; i <= to!; i++) into.add(i);
  }
}
