/**
 * The real drift engine behind the DriftEngine seam: reference files are CSV (or JSONL), typed
 * with the dataset's column roles, fitted and compared by the engine in src/drift.
 */
import { readFile } from 'node:fs/promises';
import { computeDriftReport, computeLabelQuality } from '@driftwatch/core/drift/compute-report';
import { parseCsv } from '@driftwatch/core/drift/parse-csv';
import { parseJsonLines } from '@driftwatch/core/drift/parse-json-lines';
import { fitReferenceProfile } from '@driftwatch/core/drift/reference-profile';
import { tableFromRecords } from '@driftwatch/core/drift/table-from-records';
import { TableInputError, formatTableInputError } from '@driftwatch/core/drift/table-input-error';
import { ConfigError } from './datasets-config.js';
import { type DriftEngine, testedColumns } from './monitored-dataset.js';

export const driftEngine: DriftEngine = {
  async readReferenceTable(path, definition) {
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new ConfigError(`cannot read reference ${path}: ${(error as Error).message}`);
    });
    try {
      const records = path.endsWith('.jsonl') ? parseJsonLines(text) : parseCsv(text);
      return tableFromRecords(records, {
        features: testedColumns(definition),
        target: definition.targetColumn,
        prediction: definition.predictionColumn,
        group: definition.groupColumn,
        probabilities: definition.probabilityColumns,
      });
    } catch (error) {
      if (error instanceof TableInputError)
        throw new ConfigError(formatTableInputError(error, path));
      throw error;
    }
  },
  fitReferenceProfile,
  computeDriftReport,
  computeLabelQuality,
};
