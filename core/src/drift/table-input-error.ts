/**
 * Bad tabular input (CSV/JSONL text or its values), located for the person who has to fix the
 * file. `line` is the 1-based line of the source text where the record starts, `row` the 1-based
 * data row (the CSV header is not a row), `column` the column name, where known.
 */
export class TableInputError extends Error {
  override name = 'TableInputError';

  constructor(
    message: string,
    readonly location: { line?: number; row?: number; column?: string } = {},
  ) {
    super(message);
  }
}

/**
 * One line for a person: `<source>, line 4 (row 3), column "f": "abc" is not a finite number`.
 */
export function formatTableInputError(error: TableInputError, source: string): string {
  const { line, row, column } = error.location;
  const where = [
    line !== undefined ? `line ${line}${row !== undefined ? ` (row ${row})` : ''}` : undefined,
    line === undefined && row !== undefined ? `row ${row}` : undefined,
    column !== undefined ? `column "${column}"` : undefined,
  ].filter((part) => part !== undefined);
  return `${[source, ...where].join(', ')}: ${error.message}`;
}
