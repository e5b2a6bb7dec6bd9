/**
 * The synthetic dataset the ingest benchmarks start the monitoring service with: a 2 000-row
 * reference of uniform features, its schema and a datasets file naming it, written to `dir`.
 * `classOf(row)` picks each row's class (label and prediction alike) before its features are
 * drawn. Resolves to the datasets file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEATURES } from './drift-bench-data.js';

export async function writeBenchDataset(
  dir: string,
  random: () => number,
  classOf: (row: number) => string,
): Promise<string> {
  const header = [...FEATURES, 'label', 'prediction'].join(',');
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const cls = classOf(i);
    return [...FEATURES.map(() => random()), cls, cls].join(',');
  });
  await writeFile(join(dir, 'reference.csv'), `${[header, ...rows].join('\n')}\n`);
  const schema = {
    features: FEATURES,
    target: 'label',
    prediction: 'prediction',
    modelVersion: 'bench',
  };
  await writeFile(join(dir, 'reference.schema.json'), JSON.stringify(schema));
  const dataset = {
    name: 'bench',
    reference: { data: 'reference.csv', schema: 'reference.schema.json' },
  };
  await writeFile(join(dir, 'datasets.json'), JSON.stringify({ datasets: [dataset] }));
  return join(dir, 'datasets.json');
}
