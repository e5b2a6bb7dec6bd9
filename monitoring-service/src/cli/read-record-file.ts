import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCsvColumns } from '@driftwatch/core/drift/parse-csv-columns';
import { parseJsonLines } from '@driftwatch/core/drift/parse-json-lines';
import { type RecordColumns, recordColumns } from '@driftwatch/core/drift/record-columns';
import { formatTableInputError, TableInputError } from '@driftwatch/core/drift/table-input-error';
import { CliInputError } from './cli-input-error.js';
import { type CliIo, PROGRESS_MIN_BYTES } from './cli-io.js';

const parseJsonLinesColumns = (text: string) => recordColumns(parseJsonLines(text));

const PARSERS: Readonly<Record<string, (text: string) => RecordColumns>> = {
  '.csv': parseCsvColumns,
  '.jsonl': parseJsonLinesColumns,
  '.ndjson': parseJsonLinesColumns,
};

/**
 * Reads a CSV or JSON Lines file, chosen by extension, into columns; the path "-" reads standard
 * input, as JSON Lines when its first non-blank character is "{" and as CSV otherwise. `role`
 * ("reference" or "current") only words the messages. Large inputs report progress through
 * `io.progress`. Throws CliInputError for an unknown extension, an unreadable file or malformed
 * content (with the line).
 */
export function readRecordFile(path: string, role: string, io: CliIo): RecordColumns {
  const text = path === '-' ? readStdin(io, role) : readFileBytes(path, role).toString('utf8');
  return parseRecordText(text, path, role, io);
}

/** Parses the text of `path` (or of stdin for "-") as readRecordFile does. */
export function parseRecordText(
  text: string,
  path: string,
  role: string,
  io: CliIo,
): RecordColumns {
  const name = path === '-' ? 'stdin' : path;
  const parser = path === '-' ? sniffParser(text) : PARSERS[extname(path).toLowerCase()]!;
  const large = io.progress !== undefined && text.length >= PROGRESS_MIN_BYTES;
  if (large) io.progress!(`reading ${role} ${name} (${(text.length / 1e6).toFixed(1)} MB)…`);
  try {
    const records = parser(text);
    if (large) io.progress!(`read ${role} ${name}: ${records.rowCount} rows`);
    return records;
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, name));
    }
    throw error;
  }
}

/** The bytes of a file with a known extension; CliInputError naming the problem otherwise. */
export function readFileBytes(path: string, role: string): Buffer {
  if (!PARSERS[extname(path).toLowerCase()]) {
    throw new CliInputError(`${role} file ${path}: unknown extension; use .csv, .jsonl or .ndjson`);
  }
  try {
    // Decoding the bytes read is faster than asking readFileSync for a string (large files).
    return readFileSync(path);
  } catch (error) {
    throw new CliInputError(`cannot read ${role} file ${path}: ${reasonOf(error)}`);
  }
}

function readStdin(io: CliIo, role: string): string {
  try {
    return io.readStdin();
  } catch (error) {
    throw new CliInputError(`cannot read ${role} data from stdin: ${reasonOf(error)}`);
  }
}

function sniffParser(text: string): (text: string) => RecordColumns {
  return text.trimStart().startsWith('{') ? parseJsonLinesColumns : parseCsvColumns;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
