import { extname } from 'node:path';
import { parseCsvColumns } from '@driftwatch/core/drift/parse-csv-columns';
import type { RecordColumns } from '@driftwatch/core/drift/record-columns';
import { formatTableInputError, TableInputError } from '@driftwatch/core/drift/table-input-error';
import { CliInputError } from './cli-input-error.js';
import type { CliIo } from './cli-io.js';
import { sha256Hex } from './profile-cache.js';
import { parseRecordText, readFileBytes, readRecordFile } from './read-record-file.js';

/** The reference file, read but parsed only when its rows are needed. */
export interface ReferenceInput {
  columns: readonly string[];
  /** SHA-256 (hex) of the file's bytes; null when its profile is not cached (stdin, JSONL). */
  contentHash: string | null;
  /** The parsed rows (parsed on the first call). Throws CliInputError on malformed content. */
  records: () => RecordColumns;
}

/**
 * Reads the reference. With `cacheable` and a CSV file, only the header is parsed now, so that a
 * cached profile spares parsing the rows; otherwise the whole file is parsed now, as
 * readRecordFile does. Throws CliInputError as readRecordFile does.
 */
export function readReferenceInput(path: string, io: CliIo, cacheable: boolean): ReferenceInput {
  if (!cacheable || path === '-' || extname(path).toLowerCase() !== '.csv') {
    const records = readRecordFile(path, 'reference', io);
    return { columns: records.columns, contentHash: null, records: () => records };
  }
  const bytes = readFileBytes(path, 'reference');
  let parsed: RecordColumns | undefined;
  return {
    columns: headerColumns(bytes, path),
    contentHash: sha256Hex(bytes),
    records: () => {
      parsed ??= parseRecordText(bytes.toString('utf8'), path, 'reference', io);
      return parsed;
    },
  };
}

/** The column names of a CSV file's header row, read from the bytes up to its end. */
function headerColumns(bytes: Buffer, path: string): string[] {
  try {
    return [...parseCsvColumns(bytes.toString('utf8', 0, headerEnd(bytes))).columns];
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, path));
    }
    throw error;
  }
}

/**
 * The offset of the first line break outside double quotes after the first line with content
 * (blank lines and a byte-order mark before the header are skipped, as the parser skips them).
 */
function headerEnd(bytes: Buffer): number {
  let start = 0;
  while (start < bytes.length && LEADING.has(bytes[start]!)) start++;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) return i;
  }
  return bytes.length;
}

/** Line breaks and the bytes of a UTF-8 byte-order mark. */
const LEADING = new Set([0x0a, 0x0d, 0xef, 0xbb, 0xbf]);
