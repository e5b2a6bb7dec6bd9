import type { RecordSet } from './record-set.js';
import { TableInputError } from './table-input-error.js';

/**
 * Parses JSON Lines: one JSON object per non-blank line. Columns are the keys in the order first
 * seen; a key absent from a row is a missing cell there.
 *
 * O(length of text). Throws TableInputError (with the line) when a line is not valid JSON or not
 * an object.
 */
export function parseJsonLines(text: string): RecordSet {
  const columns = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((source, i) => {
    if (source.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TableInputError(`the line is not valid JSON (${reason})`, {
        line,
        row: rows.length + 1,
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TableInputError('the line is not a JSON object', { line, row: rows.length + 1 });
    }
    for (const key of Object.keys(value)) columns.add(key);
    rows.push(value as Record<string, unknown>);
    lines.push(line);
  });
  return { columns: [...columns], rows, lines };
}
