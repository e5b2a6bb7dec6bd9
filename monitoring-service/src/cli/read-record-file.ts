import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCsv } from '../drift/parse-csv.js';
import { parseJsonLines } from '../drift/parse-json-lines.js';
import type { RecordSet } from '../drift/record-set.js';
import { formatTableInputError, TableInputError } from '../drift/table-input-error.js';
import { CliInputError } from './cli-input-error.js';
import { type CliIo, PROGRESS_MIN_BYTES } from './cli-io.js';

const PARSERS: Readonly<Record<string, (text: string) => RecordSet>> = {
  '.csv': parseCsv,
  '.jsonl': parseJsonLines,
  '.ndjson': parseJsonLines,
};

/**
 * Reads a CSV or JSON Lines file, chosen by extension, into records; the path "-" reads standard
 * input, as JSON Lines when its first non-blank character is "{" and as CSV otherwise. `role`
 * ("reference" or "current") only words the messages. Large inputs report progress through
 * `io.progress`. Throws CliInputError for an unknown extension, an unreadable file or malformed
 * content (with the line).
 */
export function readRecordFile(path: string, role: string, io: CliIo): RecordSet {
  const name = path === '-' ? 'stdin' : path;
  const text = path === '-' ? readStdin(io, role) : readFile(path, role);
  const parser = path === '-' ? sniffParser(text) : PARSERS[extname(path).toLowerCase()]!;
  const large = io.progress !== undefined && text.length >= PROGRESS_MIN_BYTES;
  if (large) io.progress!(`reading ${role} ${name} (${(text.length / 1e6).toFixed(1)} MB)…`);
  try {
    const records = parser(text);
    if (large) io.progress!(`read ${role} ${name}: ${records.rows.length} rows`);
    return records;
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, name));
    }
    throw error;
  }
}

function readFile(path: string, role: string): string {
  if (!PARSERS[extname(path).toLowerCase()]) {
    throw new CliInputError(`${role} file ${path}: unknown extension; use .csv, .jsonl or .ndjson`);
  }
  try {
    return readFileSync(path, 'utf8');
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

function sniffParser(text: string): (text: string) => RecordSet {
  return text.trimStart().startsWith('{') ? parseJsonLines : parseCsv;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
