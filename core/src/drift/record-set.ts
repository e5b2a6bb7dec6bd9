/**
 * Rows as read from a CSV or JSONL text, before typing: column names in first-seen order and one
 * record per row (CSV cells are strings; JSONL values are whatever JSON held; an absent key is a
 * missing cell). `lines[i]` is the source line where row i starts, for error messages.
 */
export interface RecordSet {
  columns: readonly string[];
  rows: readonly Readonly<Record<string, unknown>>[];
  lines: readonly number[];
}
