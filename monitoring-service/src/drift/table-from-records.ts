import type { DriftTable } from './engine-api.js';
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

/**
 * Types the records of a CSV or JSONL file into a DriftTable: feature cells must be finite
 * decimal numbers (JSON numbers or numeric text); predictions must be present; targets may be
 * empty or null (unknown); probability cells must be numbers in [0, 1]. Numbers used as class labels become their JavaScript string form.
 *
 * O(rows × columns). Throws TableInputError naming the line, row and column of the first bad
 * cell, or the role column that the records lack.
 */
export function tableFromRecords(records: RecordSet, roles: ColumnRoles): DriftTable {
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
  const rowCount = records.rows.length;
  const features: Record<string, Float64Array> = {};
  for (const name of roles.features) {
    const values = new Float64Array(rowCount);
    records.rows.forEach((record, i) => {
      values[i] = numberCell(record[name], cellAt(records, i, name));
    });
    features[name] = values;
  }
  const table: DriftTable = { rowCount, features };
  const { target, prediction } = roles;
  if (prediction !== null) {
    table.prediction = records.rows.map((record, i) => {
      const label = categoryCell(record[prediction], cellAt(records, i, prediction));
      if (label === null)
        throw new TableInputError('the prediction is missing', cellAt(records, i, prediction));
      return label;
    });
  }
  if (target !== null) {
    table.target = records.rows.map((record, i) =>
      categoryCell(record[target], cellAt(records, i, target)),
    );
  }
  const group = roles.group ?? null;
  if (group !== null) {
    table.groups = records.rows.map((record, i) =>
      categoryCell(record[group], cellAt(records, i, group)),
    );
  }
  const classes = Object.entries(roles.probabilities ?? {});
  if (classes.length > 0) {
    table.probabilities = records.rows.map((record, i) => {
      const row: Record<string, number> = {};
      for (const [cls, column] of classes) {
        const at = cellAt(records, i, column);
        const p = numberCell(record[column], at);
        if (p < 0 || p > 1) throw new TableInputError(`${p} is not a probability in [0, 1]`, at);
        row[cls] = p;
      }
      return row;
    });
  }
  return table;
}

function cellAt(records: RecordSet, index: number, column: string) {
  return { line: records.lines[index], row: index + 1, column };
}

function numberCell(value: unknown, at: ReturnType<typeof cellAt>): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    const parsed = Number(value.trim());
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new TableInputError(`${describe(value)} is not a finite number`, at);
}

function categoryCell(value: unknown, at: ReturnType<typeof cellAt>): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TableInputError(`${describe(value)} is not a class label`, at);
}

function describe(value: unknown): string {
  if (value === undefined) return 'a missing value';
  if (value === '') return 'an empty value';
  return JSON.stringify(value) ?? String(value);
}
