import { parseCsv } from '../../../core/src/drift/parse-csv.js';
import { parseJsonLines } from '../../../core/src/drift/parse-json-lines.js';
import { tableFromRecords } from '../../../core/src/drift/table-from-records.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import type { ClassificationQuality } from '../../../core/src/stats/classification-types.js';
import { FIXTURES_DIR, readFixture } from '../../helpers/fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The dataset and independent scipy/scikit-learn report of test/fixtures/drift. */
export const FEATURES = ['f_stable', 'f_shift', 'f_scale', 'f_ties', 'f_const', 'f_mild'];
export const ROLES = { features: FEATURES, target: 'label', prediction: 'prediction' };

export const expected = readFixture<{
  report: DriftReport;
  reportWithBenjaminiHochberg: DriftReport;
  referenceQuality: ClassificationQuality;
}>('drift/expected-report.json');

function text(name: string): string {
  return readFileSync(join(FIXTURES_DIR, 'drift', name), 'utf8');
}

export const referenceTable = () => tableFromRecords(parseCsv(text('reference.csv')), ROLES);
export const currentTable = () => tableFromRecords(parseCsv(text('current.csv')), ROLES);
export const currentTableFromJsonLines = () =>
  tableFromRecords(parseJsonLines(text('current.jsonl')), ROLES);
