/**
 * A datasets file for the real monitoring service that watches `exercise_group` with the 65
 * features and the test model's classes. The reference rows are arbitrary: the fault tests check
 * storage, not drift.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import { TEST_CLASSES } from './test-model.js';

export async function writeExerciseDatasets(dir: string): Promise<string> {
  const header = [...FEATURE_NAMES, 'label', 'prediction'].join(',');
  const rows = Array.from({ length: 60 }, (_, r) => {
    const features = FEATURE_NAMES.map((_, f) => (((r + 1) * (f + 3)) % 97) / 97);
    const label = TEST_CLASSES[r % TEST_CLASSES.length];
    const prediction = TEST_CLASSES[(r + (r % 5 === 0 ? 1 : 0)) % TEST_CLASSES.length];
    return [...features, label, prediction].join(',');
  });
  const data = join(dir, 'exercise-reference.csv');
  const schema = join(dir, 'exercise-reference.schema.json');
  await writeFile(data, `${header}\n${rows.join('\n')}\n`);
  await writeFile(
    schema,
    JSON.stringify({
      features: FEATURE_NAMES,
      target: 'label',
      prediction: 'prediction',
      classLabels: TEST_CLASSES,
      modelVersion: 'test-1',
    }),
  );
  const path = join(dir, 'datasets.json');
  await writeFile(
    path,
    JSON.stringify({
      datasets: [{ name: 'exercise_group', reference: { data, schema }, minWindowEvents: 20 }],
    }),
  );
  return path;
}
