/**
 * Records of the embedded log: JSON values in the project's one log framing (core/src/log), whose
 * checksum lets replay tell an intact record from a torn or damaged one.
 */
import { frameRecordBytes, parseRecord } from '@driftwatch/core/log/record-framing';

export function encodeRecord(value: unknown): Buffer {
  return frameRecordBytes(JSON.stringify(value));
}

/** Parses one framed record; returns undefined when it is incomplete or its checksum fails. */
export function decodeRecord(line: Buffer): unknown {
  const payload = parseRecord(line);
  return payload === undefined ? undefined : JSON.parse(payload.toString('utf8'));
}
