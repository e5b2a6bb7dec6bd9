import { readFileSync } from 'node:fs';
import { ConfigError } from '../datasets/datasets-config.js';
import { parseReferenceSchema, type ReferenceSchema } from '../datasets/reference-schema.js';
import type { DriftTable } from '../drift/engine-api.js';
import type { RecordSet } from '../drift/record-set.js';
import { type ColumnRoles, tableFromRecords } from '../drift/table-from-records.js';
import { formatTableInputError, TableInputError } from '../drift/table-input-error.js';
import { CliInputError } from './cli-input-error.js';
import type { CliIo } from './cli-io.js';
import type { DriftCliOptions } from './drift-args.js';
import { readRecordFile } from './read-record-file.js';
import { type ColumnRequest, resolveColumns } from './resolve-columns.js';

/** Both tables of a drift comparison, read with the same column roles. */
export interface DriftTables {
  roles: ColumnRoles;
  /** The --schema's model version; null without a schema. */
  modelVersion: string | null;
  reference: DriftTable;
  current: DriftTable;
}

/** Fewer rows leave the KS and chi-square tests nothing to compare. */
export const MIN_ROWS = 2;

/**
 * Reads the reference and current files, decides the column roles and types the values.
 * Throws CliInputError with one message naming the file (and line, row, column) at fault.
 */
export function loadDriftTables(options: DriftCliOptions, io: CliIo): DriftTables {
  const referenceRecords = readRecordFile(options.reference, 'reference', io);
  const currentRecords = readRecordFile(options.current, 'current', io);
  const schema = options.schema === undefined ? undefined : readSchema(options.schema);
  const columns = resolveColumns(
    { name: options.reference, columns: referenceRecords.columns },
    { name: options.current, columns: currentRecords.columns },
    columnRequest(options, schema),
  );
  const roles = withProbabilities(columns, schema, referenceRecords, currentRecords);
  return {
    roles,
    modelVersion: schema?.modelVersion ?? null,
    reference: typedTable(referenceRecords, roles, options.reference),
    current: typedTable(currentRecords, roles, options.current),
  };
}

/** The column options, completed from --schema where they were not given. */
function columnRequest(
  options: DriftCliOptions,
  schema: ReferenceSchema | undefined,
): ColumnRequest {
  if (schema === undefined) return options;
  return {
    target: options.target,
    prediction: options.prediction,
    features: options.features ?? schema.features,
    defaultTarget: schema.target ?? undefined,
    defaultPrediction: schema.prediction,
  };
}

/**
 * The schema's probability columns, when both files have every one of them: the report then
 * estimates quality from them. Without --schema they are features like any other column.
 */
function withProbabilities(
  roles: ColumnRoles,
  schema: ReferenceSchema | undefined,
  ...files: RecordSet[]
): ColumnRoles {
  const probabilities = schema?.probabilities ?? {};
  const columns = Object.values(probabilities);
  if (columns.length === 0) return roles;
  const inBoth = files.every((file) => columns.every((c) => file.columns.includes(c)));
  return inBoth ? { ...roles, probabilities } : roles;
}

function readSchema(path: string): ReferenceSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`cannot read --schema ${path}: ${(error as Error).message}`);
  }
  try {
    return parseReferenceSchema(text, path);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError(`--schema ${error.message}`);
    throw error;
  }
}

function typedTable(records: RecordSet, roles: ColumnRoles, path: string): DriftTable {
  if (records.rows.length < MIN_ROWS) {
    throw new CliInputError(
      `${path} has ${records.rows.length} data row(s); at least ${MIN_ROWS} are needed`,
    );
  }
  try {
    return tableFromRecords(records, roles);
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, path));
    }
    throw error;
  }
}
