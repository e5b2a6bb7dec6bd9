import type { ReferenceSchema } from '../datasets/reference-schema.js';
import type { DriftTable } from '@driftwatch/core/drift/engine-api';
import type { RecordColumns } from '@driftwatch/core/drift/record-columns';
import { type ColumnRoles, tableFromColumns } from '@driftwatch/core/drift/table-from-records';
import { formatTableInputError, TableInputError } from '@driftwatch/core/drift/table-input-error';
import { CliInputError } from './cli-input-error.js';
import type { CliIo } from './cli-io.js';
import type { DriftCliOptions } from './drift-args.js';
import { readRecordFile } from './read-record-file.js';
import { readReferenceInput } from './reference-input.js';
import { type ColumnRequest, resolveColumns } from './resolve-columns.js';

/** Both tables of a drift comparison, read with the same column roles. */
export interface DriftTables {
  roles: ColumnRoles;
  /** The --schema's model version; null without a schema. */
  modelVersion: string | null;
  /** SHA-256 (hex) of the reference file when its fitted profile may be cached, else null. */
  referenceHash: string | null;
  /** The typed reference table, parsed and typed on the first call when cacheable. */
  reference: () => DriftTable;
  current: DriftTable;
}

/**
 * Reads and checks a --schema file, or throws CliInputError naming it. Passed in, so that the
 * validation libraries it needs load only when --schema is given (schema-option.ts).
 */
export type SchemaReader = (path: string) => ReferenceSchema;

function schemaOf(path: string, readSchema: SchemaReader | undefined): ReferenceSchema {
  if (readSchema === undefined)
    throw new Error('loadDriftTables needs a schema reader for --schema');
  return readSchema(path);
}

/** Fewer rows leave the KS and chi-square tests nothing to compare. */
export const MIN_ROWS = 2;

/**
 * Reads the reference and current files, decides the column roles and types the values. With
 * `cacheable`, a CSV reference's rows are left unparsed until `reference()` is called (a cached
 * profile may make that unnecessary); otherwise the reference is typed first, now.
 * Throws CliInputError with one message naming the file (and line, row, column) at fault.
 */
export function loadDriftTables(
  options: DriftCliOptions,
  io: CliIo,
  cacheable: boolean,
  readSchema: SchemaReader | undefined,
): DriftTables {
  const referenceInput = readReferenceInput(options.reference, io, cacheable);
  const currentRecords = readRecordFile(options.current, 'current', io);
  const schema = options.schema === undefined ? undefined : schemaOf(options.schema, readSchema);
  const columns = resolveColumns(
    { name: options.reference, columns: referenceInput.columns },
    { name: options.current, columns: currentRecords.columns },
    columnRequest(options, schema),
  );
  const roles = withProbabilities(columns, schema, referenceInput, currentRecords);
  let referenceTable: DriftTable | undefined;
  const reference = () => {
    referenceTable ??= typedTable(referenceInput.records(), roles, options.reference);
    return referenceTable;
  };
  if (referenceInput.contentHash === null) reference();
  return {
    roles,
    modelVersion: schema?.modelVersion ?? null,
    referenceHash: referenceInput.contentHash,
    reference,
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
  ...files: { columns: readonly string[] }[]
): ColumnRoles {
  const probabilities = schema?.probabilities ?? {};
  const columns = Object.values(probabilities);
  if (columns.length === 0) return roles;
  const inBoth = files.every((file) => columns.every((c) => file.columns.includes(c)));
  return inBoth ? { ...roles, probabilities } : roles;
}

function typedTable(records: RecordColumns, roles: ColumnRoles, path: string): DriftTable {
  if (records.rowCount < MIN_ROWS) {
    throw new CliInputError(
      `${path} has ${records.rowCount} data row(s); at least ${MIN_ROWS} are needed`,
    );
  }
  try {
    return tableFromColumns(records, roles);
  } catch (error) {
    if (error instanceof TableInputError) {
      throw new CliInputError(formatTableInputError(error, path));
    }
    throw error;
  }
}
