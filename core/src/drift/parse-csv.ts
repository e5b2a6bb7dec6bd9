import { parseCsvColumns } from './parse-csv-columns.js';
import type { RecordSet } from './record-set.js';

/**
 * Parses CSV text (RFC 4180) into one record per row, keyed by the header's column names: the
 * format and the errors are parseCsvColumns's (a header row of distinct names, comma separators,
 * fields optionally in double quotes, LF, CRLF or CR line ends, a leading byte-order mark and
 * blank lines ignored). Cells stay strings. Large files are better read with parseCsvColumns.
 *
 * O(length of text). Throws TableInputError (with the line) on an unterminated quote, text after a
 * closing quote, a row whose field count differs from the header's, or a missing or repeated
 * column name.
 */
export function parseCsv(text: string): RecordSet {
  const parsed = parseCsvColumns(text);
  const cells = parsed.columns.map((name) => parsed.column(name));
  const rows = parsed.lines.map((_, r) => {
    const record: Record<string, string> = {};
    parsed.columns.forEach((name, c) => {
      record[name] = cells[c]![r]!;
    });
    return record;
  });
  return { columns: parsed.columns, rows, lines: parsed.lines };
}
