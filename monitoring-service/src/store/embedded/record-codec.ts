/**
 * Framing of the embedded log: one record per line, `<crc32 as 8 hex digits> <json>\n`. The
 * checksum lets replay tell a complete record from one torn by a crash mid-write.
 */
import { crc32 } from 'node:zlib';

const NEWLINE = 0x0a;
const HEADER_BYTES = 9;

export interface DecodedRecord {
  offset: number;
  length: number;
  value: unknown;
}

export interface DecodeResult {
  records: DecodedRecord[];
  /** Bytes up to the end of the last intact record; anything after it is torn or corrupt. */
  validLength: number;
}

export function encodeRecord(value: unknown): Buffer {
  const line = Buffer.from(`00000000 ${JSON.stringify(value)}\n`, 'utf8');
  const crc = crc32(line.subarray(HEADER_BYTES, line.length - 1));
  line.write(crc.toString(16).padStart(8, '0'), 0, 'latin1');
  return line;
}

/** Parses one framed record; returns undefined when it is incomplete or its checksum fails. */
export function decodeRecord(line: Buffer): unknown {
  if (line.length < HEADER_BYTES + 1 || line[line.length - 1] !== NEWLINE) return undefined;
  const json = line.subarray(HEADER_BYTES, line.length - 1);
  const expected = Number.parseInt(line.toString('latin1', 0, 8), 16);
  if (line[8] !== 0x20 || crc32(json) !== expected) return undefined;
  try {
    return JSON.parse(json.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Decodes records from the start of `data`, stopping at the first torn or corrupt one. */
export function decodeRecords(data: Buffer): DecodeResult {
  const records: DecodedRecord[] = [];
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(NEWLINE, offset);
    if (end < 0) break;
    const value = decodeRecord(data.subarray(offset, end + 1));
    if (value === undefined) break;
    records.push({ offset, length: end + 1 - offset, value });
    offset = end + 1;
  }
  return { records, validLength: offset };
}
