import type { DriftTable } from './engine-api.js';
import { type RecordColumns, recordColumns } from './record-columns.js';
import type { RecordSet } from './record-set.js';
import { TableInputError } from './table-input-error.js';

/** Which columns of a record set the drift engine reads, and as what. */
export interface ColumnRoles {
  /** Numerical feature columns, in report order. */
  features: readonly string[];
  /** Ground-truth column; empty or null cells are unknown labels. Null: no target. */
  target: string | null;
  /** Predicted class column; every row needs a value. Null: no prediction. */
  prediction: string | null;
  /** Column naming the group (person, session, device) of each row, when there is one. */
  group?: string | null;
  /** Probability column per class; every row needs a number in [0, 1] in each. */
  probabilities?: Readonly<Record<string, string>>;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** tableFromColumns on a record set's rows; the same checks and errors. */
export function tableFromRecords(records: RecordSet, roles: ColumnRoles): DriftTable {
  return tableFromColumns(recordColumns(records), roles);
}

/**
 * Types the cells of a CSV or JSONL file into a DriftTable: feature cells must be finite
 * decimal numbers (JSON numbers or numeric text); predictions must be present; targets may be
 * empty or null (unknown); probability cells must be numbers in [0, 1]. Numbers used as class
 * labels become their JavaScript string form.
 *
 * O(rows × columns). Throws TableInputError naming the line, row and column of the first bad
 * cell, or the role column that the records lack.
 */
export function tableFromColumns(records: RecordColumns, roles: ColumnRoles): DriftTable {
  const probabilityColumns = Object.values(roles.probabilities ?? {});
  const roleColumns = [
    ...roles.features,
    roles.target,
    roles.prediction,
    roles.group ?? null,
    ...probabilityColumns,
  ];
  for (const column of roleColumns) {
    if (column !== null && !records.columns.includes(column)) {
      throw new TableInputError(`there is no column "${column}"`, { column });
    }
  }
  const features: Record<string, Float64Array> = {};
  for (const name of roles.features) features[name] = numberColumn(records, name);
  const table: DriftTable = { rowCount: records.rowCount, features };
  const { target, prediction } = roles;
  if (prediction !== null) table.prediction = categoryColumn(records, prediction, true);
  if (target !== null) table.target = categoryColumn(records, target, false);
  const group = roles.group ?? null;
  if (group !== null) table.groups = categoryColumn(records, group, false);
  const classes = Object.entries(roles.probabilities ?? {});
  if (classes.length > 0) table.probabilities = probabilityRows(records, classes);
  return table;
}

function numberColumn(records: RecordColumns, name: string): Float64Array {
  const cells = records.column(name);
  const values = new Float64Array(records.rowCount);
  for (let i = 0; i < values.length; i++) {
    const value = numberOf(cells[i]);
    if (value === undefined) throw notANumber(cells[i], cellAt(records, i, name));
    values[i] = value;
  }
  return values;
}

/** Class labels; with `required`, a missing one is an error (the prediction), else null. */
function categoryColumn(records: RecordColumns, name: string, required: true): string[];
function categoryColumn(records: RecordColumns, name: string, required: false): (string | null)[];
function categoryColumn(records: RecordColumns, name: string, required: boolean) {
  return records.column(name).map((value, i) => {
    if (value === undefined || value === null || value === '') {
      if (!required) return null;
      throw new TableInputError('the prediction is missing', cellAt(records, i, name));
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new TableInputError(`${describe(value)} is not a class label`, cellAt(records, i, name));
  });
}

function probabilityRows(
  records: RecordColumns,
  classes: readonly [string, string][],
): Record<string, number>[] {
  const cells = classes.map(([, column]) => records.column(column));
  return Array.from({ length: records.rowCount }, (_, i) => {
    const row: Record<string, number> = {};
    classes.forEach(([cls, column], c) => {
      const p = numberOf(cells[c]![i]);
      if (p === undefined) throw notANumber(cells[c]![i], cellAt(records, i, column));
      if (p < 0 || p > 1) {
        throw new TableInputError(
          `${p} is not a probability in [0, 1]`,
          cellAt(records, i, column),
        );
      }
      row[cls] = p;
    });
    return row;
  });
}

/** Where a cell is, for a message; made only when a cell is bad. */
function cellAt(records: RecordColumns, index: number, column: string) {
  return { line: records.lines[index], row: index + 1, column };
}

/**
 * A finite number from a JSON number or decimal text (DECIMAL, surrounding white space allowed);
 * undefined for anything else. Text that starts like a decimal goes straight to Number(), which
 * reads the same decimals, so the pattern is tested only on what else Number() would accept:
 * hexadecimal, octal and binary literals ("0x1f") and leading white space.
 */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const first = value.charCodeAt(0);
  const decimalStart =
    (first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e;
  const radixPrefix = first === 0x30 && RADIX_LETTERS.has(value.charCodeAt(1) | 0x20);
  let text = value;
  if (!decimalStart || radixPrefix) {
    text = value.trim();
    if (!DECIMAL.test(text)) return undefined;
  }
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** "b", "o" and "x" (lower case): Number() reads "0b…", "0o…" and "0x…" as integers. */
const RADIX_LETTERS = new Set([0x62, 0x6f, 0x78]);

function notANumber(value: unknown, at: ReturnType<typeof cellAt>): TableInputError {
  return new TableInputError(`${describe(value)} is not a finite number`, at);
}

function describe(value: unknown): string {
  if (value === undefined) return 'a missing value';
  if (value === '') return 'an empty value';
  return JSON.stringify(value) ?? String(value);
}
