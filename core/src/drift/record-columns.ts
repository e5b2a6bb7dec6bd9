import type { RecordSet } from './record-set.js';

/**
 * Rows as read from a CSV or JSONL text, by column: what tableFromColumns types. `column(name)`
 * gives one cell per row, in row order (undefined where a row lacks the column); `lines[i]` is
 * the source line where row i starts, for error messages.
 */
export interface RecordColumns {
  columns: readonly string[];
  rowCount: number;
  lines: readonly number[];
  column(name: string): readonly unknown[];
}

/**
 * A record set seen by column; each column is gathered from the rows when first asked for.
 * O(rows) per column read.
 */
export function recordColumns(records: RecordSet): RecordColumns {
  const gathered = new Map<string, unknown[]>();
  return {
    columns: records.columns,
    rowCount: records.rows.length,
    lines: records.lines,
    column(name) {
      let cells = gathered.get(name);
      if (cells === undefined) {
        cells = records.rows.map((record) => record[name]);
        gathered.set(name, cells);
      }
      return cells;
    },
  };
}
