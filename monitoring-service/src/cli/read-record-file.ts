import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCsv } from '../drift/parse-csv.js';
import { parseJsonLines } from '../drift/parse-json-lines.js';
import type { RecordSet } from '../drift/record-set.js';
import { formatTableInputError, TableInputError } from '../drift/table-input-error.js';
import { CliInputError } from './cli-input-error.js';

const PARSERS: Readonly<Record<string, (text: string) => RecordSet>> = {
  '.csv': parseCsv,
  '.jsonl': parseJsonLines,
  '.ndjson': parseJsonLines,
};

/**
 * Reads a CSV or JSON Lines file, chosen by extension, into records. `role` ("reference" or
 * "current") only words the messages. Throws CliInputError for an unknown extension, an unreadable
 * file or malformed content (with the line).
 */
export function readRecordFile(path: string, role: string): RecordSet {
  const parser = PARSERS[extname(path).toLowerCase()];
  if (!parser) {
    throw new CliInputError(`${role} file ${path}: unknown extension; use .csv, .jsonl or .ndjson`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`cannot read ${role} file ${path}: ${reasonOf(error)}`);
  }
  try {
    return parser(text);
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, path));
    }
    throw error;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
