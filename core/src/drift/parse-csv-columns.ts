import { CellSpans, CsvScanner } from './csv-scanner.js';
import type { RecordColumns } from './record-columns.js';
import { TableInputError } from './table-input-error.js';

/** Parsed CSV: the cells of each column as strings, in row order. */
export interface CsvColumns extends RecordColumns {
  column(name: string): readonly string[];
}

/**
 * Parses CSV text (RFC 4180) into columns: a header row of distinct column names, comma
 * separators, fields optionally in double quotes (which may hold commas, line breaks and doubled
 * quotes), LF, CRLF or CR line ends. A leading byte-order mark and blank lines are ignored. Cells
 * stay strings; no object is made per row, so large files parse with little garbage.
 *
 * O(length of text). Throws TableInputError (with the line) on an unterminated quote, text after a
 * closing quote, a row whose field count differs from the header's (with its row), or a missing
 * or repeated column name.
 */
export function parseCsvColumns(text: string): CsvColumns {
  const scanner = new CsvScanner(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!scanner.next()) throw new TableInputError('the header row is missing');
  const columns = scanner.fieldValues();
  checkHeader(columns, scanner.recordLine);
  const width = columns.length;
  const cells = new CellSpans(scanner.text);
  const lines: number[] = [];
  while (scanner.next()) {
    if (scanner.fieldCount !== width) {
      throw new TableInputError(
        `the row has ${scanner.fieldCount} fields where the header has ${width}`,
        { line: scanner.recordLine, row: lines.length + 1 },
      );
    }
    scanner.appendFields(cells);
    lines.push(scanner.recordLine);
  }
  const index = new Map(columns.map((name, c) => [name, c]));
  const rowCount = lines.length;
  return {
    columns,
    rowCount,
    lines,
    column: (name) => {
      const c = index.get(name);
      const values = new Array<string>(rowCount);
      if (c === undefined) return values;
      for (let row = 0; row < rowCount; row++) values[row] = cells.value(row * width + c);
      return values;
    },
  };
}

function checkHeader(columns: readonly string[], line: number): void {
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === '')
      throw new TableInputError(`column ${i + 1} of the header has no name`, { line });
    if (seen.has(name)) {
      throw new TableInputError(`column "${name}" appears twice in the header`, { line });
    }
    seen.add(name);
  });
}
