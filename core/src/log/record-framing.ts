/**
 * The framing of every crash-safe log in the project: one record per line,
 * `<CRC-32 of the payload's UTF-8 bytes as 8 lowercase hex digits> <payload>\n`. Payloads are JSON
 * or plain text without a raw newline. The checksum lets recovery tell an intact record from one
 * torn by a crash or damaged on disk; the newline and the fixed header let it find the next record.
 */
import { crc32 } from 'node:zlib';

export const NEWLINE = 0x0a;
const SPACE = 0x20;
/** Checksum digits plus the space after them. */
export const HEADER_BYTES = 9;

/** Frames `payload` as text, for callers that join many records into one write. */
export function frameRecord(payload: string): string {
  return `${crc32(payload).toString(16).padStart(8, '0')} ${payload}\n`;
}

/** Frames `payload` as bytes, encoding the text once. */
export function frameRecordBytes(payload: string): Buffer {
  const line = Buffer.from(`00000000 ${payload}\n`, 'utf8');
  const crc = crc32(line.subarray(HEADER_BYTES, line.length - 1));
  line.write(crc.toString(16).padStart(8, '0'), 0, 'latin1');
  return line;
}

function isHexDigit(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66));
}

/** Whether `data` holds a record header (8 hex digits and a space) at `offset`. Cost O(1). */
export function hasHeaderAt(data: Buffer, offset: number): boolean {
  if (data[offset + 8] !== SPACE) return false;
  for (let i = offset; i < offset + 8; i++) if (!isHexDigit(data[i])) return false;
  return true;
}

/**
 * The end (exclusive) of the intact record starting at `offset` in `data`, or -1 when none starts
 * there. Cost O(record length).
 */
export function recordEndAt(data: Buffer, offset: number): number {
  if (!hasHeaderAt(data, offset)) return -1;
  const newline = data.indexOf(NEWLINE, offset + HEADER_BYTES);
  if (newline < 0) return -1;
  const expected = Number.parseInt(data.toString('latin1', offset, offset + 8), 16);
  return crc32(data.subarray(offset + HEADER_BYTES, newline)) === expected ? newline + 1 : -1;
}

/** The payload of `line` when it is exactly one intact record, else undefined. */
export function parseRecord(line: Buffer): Buffer | undefined {
  if (recordEndAt(line, 0) !== line.length) return undefined;
  return line.subarray(HEADER_BYTES, line.length - 1);
}
